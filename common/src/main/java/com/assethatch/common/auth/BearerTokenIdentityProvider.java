package com.assethatch.common.auth;

import com.assethatch.common.auth.CredentialRejection.Reason;
import com.assethatch.common.auth.CredentialRejection.Source;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Trusts a Bearer JWT that smallrye-jwt verifies against the {@code mp.jwt.verify.*} settings: signature by the
 * configured key with an allowed algorithm, issuer, audience, exp/iat. The user id is the {@code sub} claim.
 */
@ApplicationScoped
class BearerTokenIdentityProvider implements IdentityProvider<BearerTokenRequest> {

    private final JWTParser parser;
    private final boolean keysFetchedOverHttp;

    BearerTokenIdentityProvider(JWTParser parser, JWTAuthContextInfo jwtSettings) {
        this.parser = parser;
        String keyLocation = jwtSettings.getPublicKeyLocation();
        this.keysFetchedOverHttp = keyLocation != null && keyLocation.startsWith("http");
    }

    @Override
    public Class<BearerTokenRequest> getRequestType() {
        return BearerTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerTokenRequest request, AuthenticationRequestContext context) {
        if (keysFetchedOverHttp) {
            // The first verification (and every JWKS refresh) downloads keys: keep that off the event loop.
            return context.runBlocking(() -> verify(request.token()));
        }
        // A local key: one signature check, CPU only.
        return Uni.createFrom().item(() -> verify(request.token()));
    }

    private SecurityIdentity verify(String token) {
        try {
            JsonWebToken jwt = parser.parse(token);
            String subject = jwt.getSubject();
            if (subject == null || subject.isBlank()) {
                throw new CredentialRejection(Source.BEARER_TOKEN, Reason.INVALID).asFailure();
            }
            return Identities.of(subject, "bearer");
        } catch (ParseException e) {
            throw new CredentialRejection(Source.BEARER_TOKEN, hasExpired(e) ? Reason.EXPIRED : Reason.INVALID)
                    .asFailure();
        }
    }

    private static boolean hasExpired(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                return invalid.hasExpired();
            }
        }
        return false;
    }
}
