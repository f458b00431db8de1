package com.assethatch.common.auth;

import static io.netty.handler.codec.http.HttpHeaderNames.WWW_AUTHENTICATE;

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
 * cannot be trusted fails authentication. A 401 decided in the HTTP layer is answered here ({@link Unauthorized}).
 */
@ApplicationScoped
public class CallerAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Ahead of smallrye-jwt's own mechanism, which then never sees a request this one has not handled. */
    static final int PRIORITY = DEFAULT_PRIORITY + 1000;
    private static final String BEARER = "Bearer";
    private static final String REJECTION = CallerAuthenticationMechanism.class.getName() + ".rejection";

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
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return Uni.createFrom().item(true);
        }
        CredentialRejection rejection = context.get(REJECTION);
        response.setStatusCode(HttpResponseStatus.UNAUTHORIZED.code());
        Unauthorized.challenges(rejection).forEach(challenge -> response.headers().add(WWW_AUTHENTICATE, challenge));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .set(HttpHeaderNames.CACHE_CONTROL, Unauthorized.NO_STORE);
        response.end(errorBody(Unauthorized.message(rejection)));
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(), WWW_AUTHENTICATE,
                Unauthorized.bearerChallenge(context.get(REJECTION))));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(BearerTokenRequest.class, SessionCookieRequest.class);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    /** The token of an {@code Authorization: Bearer} header (the scheme is case-insensitive); empty when it is blank. */
    private static Optional<String> bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null) {
            return Optional.empty();
        }
        String trimmed = authorization.strip();
        boolean bearer = trimmed.equalsIgnoreCase(BEARER)
                || trimmed.regionMatches(true, 0, BEARER + " ", 0, BEARER.length() + 1);
        return bearer ? Optional.of(trimmed.substring(BEARER.length()).strip()) : Optional.empty();
    }

    private String errorBody(String message) {
        try {
            return json.writeValueAsString(ApiError.of(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An ApiError always serializes", e);
        }
    }
}
