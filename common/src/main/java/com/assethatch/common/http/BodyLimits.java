package com.assethatch.common.http;

import com.assethatch.common.error.ApiError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request body limits per route, answered in the API's error shape. The HTTP layer's own limit
 * ({@code quarkus.http.limits.max-body-size}) is the largest body any route takes; routes that read their body as a
 * stream may take that much ({@link BodyLimitsConfig#largeBodyRoutes()}), every other route is held to
 * {@link BodyLimitsConfig#maxBodySize()}.
 *
 * <p>A body whose declared length ({@code Content-Length}) is over its route's limit gets 413 {@code {"error": …}}
 * before a byte of it is read; Quarkus's own check would answer with an empty body, which a browser's
 * {@code response.json()} cannot read. What the client still sends is then read and discarded, so that a client
 * which writes its whole body before reading (browsers, most HTTP clients) gets the answer instead of a reset
 * connection; a client still sending after {@link #DRAIN_LIMIT} is disconnected. A body sent without a length
 * (chunked) is cut off by Quarkus at its route's limit, with an empty 413; browsers send a length with every
 * {@code fetch} body (strings, {@code Blob}, {@code FormData}).
 */
@ApplicationScoped
public class BodyLimits {

    /** How long an answered client may go on sending the body it announced (nginx's lingering_time, too). */
    public static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    /** Just before Quarkus's body-size check (and after its CORS filter, so browsers may read the answer). */
    private static final int BEFORE_QUARKUS_LIMIT = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
    /** Just after it, so the route's limit replaces the global one it records for the body reader. */
    private static final int AFTER_QUARKUS_LIMIT = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1;
    /** Where Quarkus's body reader looks up the most bytes it may read. */
    private static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private final long httpLayerLimit;
    private final long routeLimit;
    private final Set<String> largeBodyRoutes;
    private final ObjectMapper json;

    public BodyLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize httpLayerLimit,
            BodyLimitsConfig config, ObjectMapper json) {
        this.httpLayerLimit = httpLayerLimit.asLongValue();
        this.routeLimit = config.maxBodySize().map(MemorySize::asLongValue).orElse(this.httpLayerLimit);
        this.largeBodyRoutes = config.largeBodyRoutes().orElse(Set.of());
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_LIMIT).handler(this::refuseDeclaredOversizedBody);
        if (routeLimit < httpLayerLimit) {
            router.route().order(AFTER_QUARKUS_LIMIT).handler(context -> {
                context.put(MAX_REQUEST_SIZE_KEY, limitFor(context.request()));
                context.next();
            });
        }
    }

    private long limitFor(HttpServerRequest request) {
        return largeBodyRoutes.contains(request.method().name() + " " + request.path()) ? httpLayerLimit : routeLimit;
    }

    private void refuseDeclaredOversizedBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        long declared = declaredLength(request);
        long limit = limitFor(request);
        if (declared <= limit) {
            context.next();
            return;
        }
        long deadline = context.vertx().setTimer(DRAIN_LIMIT.toMillis(), late -> request.connection().close());
        request.endHandler(drained -> context.vertx().cancelTimer(deadline));
        request.handler(discarded -> { });
        context.response()
                .setStatusCode(Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .end(errorBody(declared, limit));
        request.resume();
    }

    /** The Content-Length, or -1 when there is none or it is malformed (the HTTP layer refuses that itself). */
    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    private String errorBody(long declared, long limit) {
        ApiError error = new ApiError(String.format(Locale.ROOT, "Request body is %.1f MB; the limit is %.1f MB",
                declared / BYTES_PER_MIB, limit / BYTES_PER_MIB), Map.of("maxBytes", limit, "bytes", declared));
        try {
            return json.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
