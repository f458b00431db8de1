package com.assethatch.common.http;

import com.assethatch.common.error.ApiError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request from an origin that quarkus.http.cors.origins does not allow gets its 403 in the error shape: Quarkus's
 * CORS filter would refuse it with an empty body. The same decision as that filter (the listed origins, {@code /regex/}
 * entries, {@code *}, and the service's own origin), taken just before it; anything this check lets through the
 * filter still judges, so the two can only differ in the body of a refusal.
 */
@ApplicationScoped
public class CorsRefusals {

    /** Quarkus registers its CORS filter (priority 300) at route order -300; this runs just before it. */
    private static final int BEFORE_QUARKUS_CORS = -301;
    private static final String ANY = "*";
    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;

    private final boolean enabled;
    private final List<String> origins;
    private final List<Pattern> originPatterns;
    private final ObjectMapper json;

    public CorsRefusals(@ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins, ObjectMapper json) {
        this.enabled = enabled;
        this.origins = origins.orElse(List.of()).stream().filter(origin -> !isRegex(origin)).toList();
        this.originPatterns = origins.orElse(List.of()).stream().filter(CorsRefusals::isRegex)
                .map(origin -> Pattern.compile(origin.substring(1, origin.length() - 1))).toList();
        this.json = json;
    }

    void install(@Observes Router router) {
        if (enabled && !origins.contains(ANY)) {
            router.route().order(BEFORE_QUARKUS_CORS).handler(this::refuseOtherOrigins);
        }
    }

    private void refuseOtherOrigins(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || isAllowed(origin) || isSameOrigin(context.request(), origin)) {
            context.next();
            return;
        }
        try {
            context.response().setStatusCode(Status.FORBIDDEN.getStatusCode())
                    .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                    .end(json.writeValueAsString(new ApiError("Origin " + origin + " may not call this API from a "
                            + "browser", Map.of("allowedOrigins", origins))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isAllowed(String origin) {
        return origins.contains(origin) || originPatterns.stream().anyMatch(pattern -> pattern.matcher(origin).matches());
    }

    /** A page served by this service itself (Swagger UI): its origin is the request's own scheme, host and port. */
    private static boolean isSameOrigin(HttpServerRequest request, String origin) {
        try {
            URI uri = URI.create(origin);
            io.vertx.core.net.HostAndPort authority = request.authority();
            return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(request.scheme()) && authority != null
                    && authority.host().equalsIgnoreCase(uri.getHost())
                    && effectivePort(authority.port(), request.scheme()) == effectivePort(uri.getPort(), uri.getScheme());
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private static int effectivePort(int port, String scheme) {
        return port >= 0 ? port : "https".equalsIgnoreCase(scheme) ? HTTPS_PORT : HTTP_PORT;
    }

    private static boolean isRegex(String origin) {
        return origin.length() > 2 && origin.startsWith("/") && origin.endsWith("/");
    }
}
