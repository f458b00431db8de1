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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
        String token = request.token();
        // Downloading keys (first use, JWKS refresh) blocks; an ECDSA check costs ~10x an RSA one (scripts/bench-auth).
        if (keysFetchedOverHttp || isEllipticCurveSigned(token)) {
            return context.runBlocking(() -> verify(token));
        }
        return Uni.createFrom().item(() -> verify(token));
    }

    /** Only decides the thread: a header that lies about its algorithm is refused by the verification anyway. */
    private static boolean isEllipticCurveSigned(String token) {
        int headerEnd = token.indexOf('.');
        if (headerEnd <= 0) {
            return false;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, headerEnd)), StandardCharsets.UTF_8);
            return header.replace(" ", "").contains("\"alg\":\"ES");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
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
