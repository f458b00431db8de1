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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body ({@code Content-Length}) is over {@code quarkus.http.limits.max-body-size}
 * with 413 in the API's error shape. Quarkus's own check, the route just after this one, answers it with an empty
 * body, which a browser's {@code response.json()} cannot read.
 *
 * <p>It answers before reading the body, then reads and discards what the client still sends, so that a client which
 * writes its whole body before reading (browsers, most HTTP clients) gets the answer instead of a reset connection;
 * a client still sending after {@link #DRAIN_LIMIT} is disconnected. A route that must take larger bodies registers
 * itself with an order below {@link #ROUTE_ORDER}. A body sent without a length (chunked) is still cut off by Quarkus
 * with an empty 413 once it passes the limit; browsers send a length with every {@code fetch} body (strings,
 * {@code Blob}, {@code FormData}).
 */
@ApplicationScoped
public class OversizedBodyGuard {

    /** Just before Quarkus's body-size check (and after its CORS filter, so browsers may read the answer). */
    public static final int ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    /** How long an answered client may go on sending the body it announced (nginx's lingering_time, too). */
    public static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private final long maxBodyBytes;
    private final ObjectMapper json;

    public OversizedBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::refuseDeclaredOversizedBody);
    }

    private void refuseDeclaredOversizedBody(RoutingContext context) {
        long declared = declaredLength(context);
        if (declared <= maxBodyBytes) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        long deadline = context.vertx().setTimer(DRAIN_LIMIT.toMillis(), late -> request.connection().close());
        request.endHandler(drained -> context.vertx().cancelTimer(deadline));
        request.handler(discarded -> { });
        context.response()
                .setStatusCode(Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .end(errorBody(declared));
        request.resume();
    }

    /** The Content-Length, or -1 when there is none or Netty would refuse it anyway. */
    private static long declaredLength(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    private String errorBody(long declared) {
        ApiError error = new ApiError(String.format(Locale.ROOT, "Request body is %.1f MB; the limit is %.1f MB",
                declared / BYTES_PER_MIB, maxBodyBytes / BYTES_PER_MIB), Map.of("maxBytes", maxBodyBytes));
        try {
            return json.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
