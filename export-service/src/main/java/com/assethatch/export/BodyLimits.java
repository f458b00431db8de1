package com.assethatch.export;

import com.assethatch.common.error.ApiError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Request body limits per route, answered in the API's error shape. The HTTP layer's own limit
 * ({@code quarkus.http.limits.max-body-size}) is the largest any route takes, {@code POST /api/export}, which reads
 * past its body as a stream ({@code asset-hatch.http.export-max-body-size}); every other route is held to
 * {@code asset-hatch.http.max-body-size}. A body whose
 * declared length is over its route's limit gets 413 {@code {"error": …}} before a byte of it is read (the HTTP
 * layer itself would answer with an empty 413); a body sent without a length is cut off at the route's limit while
 * it is read.
 */
@ApplicationScoped
public class BodyLimits {

    static final String EXPORT_ROUTE = "/api/export";
    /** Runs before the HTTP layer's own size check (order -2). */
    private static final int BEFORE_QUARKUS_LIMIT = -3;
    /** Runs after it, so the route's limit replaces the global one that it records for the body reader. */
    private static final int AFTER_QUARKUS_LIMIT = -1;
    /** Where Quarkus REST's body reader looks up the most bytes it may read. */
    private static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";

    private final long exportLimit;
    private final long otherLimit;
    private final ObjectMapper json;

    public BodyLimits(HttpLimitsConfig limits, ObjectMapper json) {
        this.exportLimit = limits.exportMaxBodySize().asLongValue();
        this.otherLimit = limits.maxBodySize().asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_LIMIT).handler(this::refuseDeclaredOversize);
        router.route().order(AFTER_QUARKUS_LIMIT).handler(context -> {
            context.put(MAX_REQUEST_SIZE_KEY, limitFor(context.request()));
            context.next();
        });
    }

    long limitFor(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && EXPORT_ROUTE.equals(request.path()) ? exportLimit : otherLimit;
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limitFor(context.request());
        if (declared == null || !isOver(declared, limit)) {
            context.next();
            return;
        }
        ApiError error = new ApiError("The request body is larger than " + limit + " bytes",
                Map.of("maxBytes", limit, "bytes", Long.parseLong(declared.strip())));
        context.response()
                .setStatusCode(413)
                // The body is not read: the connection cannot carry another request after it.
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(toJson(error));
    }

    private static boolean isOver(String declared, long limit) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }

    private String toJson(ApiError error) {
        try {
            return json.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An error body could not be written as JSON", e);
        }
    }
}
