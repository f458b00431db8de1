package com.assethatch.common.auth;

import com.assethatch.common.error.ApiError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.Set;

/**
 * Finds out who calls: an {@code Authorization: Bearer} JWT, else the original frontend's Auth.js session cookie.
 * A request without either is anonymous (the HTTP permissions decide whether that is enough); a credential that
 * cannot be trusted fails authentication. Every 401 is answered here, in the API's error shape, with a Bearer
 * challenge and a hint at the session cookie.
 */
@ApplicationScoped
public class CallerAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Ahead of smallrye-jwt's own mechanism, which then never sees a request this one has not handled. */
    static final int PRIORITY = DEFAULT_PRIORITY + 1000;
    static final String REALM = "asset-hatch";
    static final String MISSING_CREDENTIAL =
            "Unauthorized: sign in (Auth.js session cookie) or send Authorization: Bearer <JWT>";
    private static final String BEARER_PREFIX = "bearer ";
    private static final String REJECTION = CallerAuthenticationMechanism.class.getName() + ".rejection";
    private static final String COOKIE_CHALLENGE =
            "Cookie realm=\"" + REALM + "\", cookie-name=\"" + AuthjsSessionDecoder.COOKIE_NAME + "\"";

    private final AuthConfig config;
    private final ObjectMapper json;
    private final SecurityIdentity disabledIdentity;

    CallerAuthenticationMechanism(AuthConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.disabledIdentity = Identities.of(config.disabledUser(), "disabled");
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviders) {
        if (!config.enabled()) {
            return Uni.createFrom().item(disabledIdentity);
        }
        // Whatever happens next, this mechanism answers the challenge (smallrye-jwt's would send a bare 401).
        context.put(HttpAuthenticationMechanism.class.getName(), this);
        Optional<AuthenticationRequest> request = bearerToken(context.request())
                .<AuthenticationRequest>map(BearerTokenRequest::new)
                .or(() -> SessionCookie.from(context.request().cookies()).map(SessionCookieRequest::new));
        if (request.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return identityProviders
                .authenticate(HttpSecurityUtils.setRoutingContextAttribute(request.get(), context))
                .onFailure().invoke(failure -> CredentialRejection.of(failure)
                        .ifPresent(rejection -> context.put(REJECTION, rejection)));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        CredentialRejection rejection = context.get(REJECTION);
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return Uni.createFrom().item(true);
        }
        response.setStatusCode(HttpResponseStatus.UNAUTHORIZED.code());
        response.headers()
                .add(HttpHeaderNames.WWW_AUTHENTICATE, bearerChallenge(rejection))
                .add(HttpHeaderNames.WWW_AUTHENTICATE, COOKIE_CHALLENGE)
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        response.end(errorBody(rejection == null ? MISSING_CREDENTIAL : rejection.message()));
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE, bearerChallenge(context.get(REJECTION))));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(BearerTokenRequest.class, SessionCookieRequest.class);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    private static Optional<String> bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER_PREFIX.length()).strip());
    }

    /** RFC 6750: a rejected token gets error="invalid_token" and a description; a missing one only the realm. */
    private static String bearerChallenge(CredentialRejection rejection) {
        String challenge = "Bearer realm=\"" + REALM + "\"";
        if (rejection != null && rejection.source() == CredentialRejection.Source.BEARER_TOKEN) {
            challenge += ", error=\"invalid_token\", error_description=\"" + rejection.message() + "\"";
        }
        return challenge;
    }

    private String errorBody(String message) {
        try {
            return json.writeValueAsString(ApiError.of(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An ApiError always serializes", e);
        }
    }
}
