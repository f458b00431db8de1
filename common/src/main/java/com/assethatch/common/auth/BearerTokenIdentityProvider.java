package com.assethatch.common.auth;

import com.assethatch.common.auth.CredentialRejection.Reason;
import com.assethatch.common.auth.CredentialRejection.Source;
import com.assethatch.common.error.CauseChain;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
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
 *
 * <p>A verified token is kept in the Quarkus cache {@value #VERIFIED_TOKENS} (bounded, expire-after-write, see
 * {@link AuthConfig.VerifiedTokenCache}): an RS256 check is about a third of a cache-hit GET's CPU, and a client
 * sends the same token with every request. Its {@code exp} is checked again on every hit; a refused token is never
 * kept (its verdict is removed once the requests waiting for it have it), so a forged token is verified, and refused,
 * every time. A refusal is a verdict, not a failed load: Caffeine logs every failed load as a WARN with a stack trace,
 * which a client sending bad tokens would turn into a flood.
 */
@ApplicationScoped
class BearerTokenIdentityProvider implements IdentityProvider<BearerTokenRequest> {

    static final String VERIFIED_TOKENS = "asset-hatch-verified-bearer-tokens";
    /** The last second (epoch) the identity's token may be accepted in, checked again on every cache hit. */
    static final String ACCEPTED_UNTIL_ATTRIBUTE = "asset-hatch.bearer.accepted-until";

    private final JWTParser parser;
    private final boolean keysFetchedOverHttp;
    private final long clockSkewSeconds;
    private final Cache verifiedTokens;

    BearerTokenIdentityProvider(JWTParser parser, JWTAuthContextInfo jwtSettings, AuthConfig config,
            @CacheName(VERIFIED_TOKENS) Cache verifiedTokens) {
        this.parser = parser;
        String keyLocation = jwtSettings.getPublicKeyLocation();
        this.keysFetchedOverHttp = keyLocation != null && keyLocation.startsWith("http");
        this.clockSkewSeconds = jwtSettings.getClockSkew();
        this.verifiedTokens = verifiedTokens;
        CaffeineCache caffeine = verifiedTokens.as(CaffeineCache.class);
        caffeine.setMaximumSize(config.verifiedTokenCache().maxSize());
        caffeine.setExpireAfterWrite(config.verifiedTokenCache().ttl());
    }

    @Override
    public Class<BearerTokenRequest> getRequestType() {
        return BearerTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerTokenRequest request, AuthenticationRequestContext context) {
        String token = request.token();
        return verifiedTokens.<String, Verdict>getAsync(token, ignored -> verification(token, context))
                .call(verdict -> verdict instanceof Refused ? verifiedTokens.invalidate(token) : Uni.createFrom().voidItem())
                .map(verdict -> {
                    if (verdict instanceof Refused refused) {
                        throw refused.rejection().asFailure();
                    }
                    return stillAccepted(((Verified) verdict).identity());
                });
    }

    /** A kept identity stays in the cache after its token expires: refusing it again costs no signature check. */
    private static SecurityIdentity stillAccepted(SecurityIdentity identity) {
        if (hasExpired(identity, System.currentTimeMillis() / 1000)) {
            throw new CredentialRejection(Source.BEARER_TOKEN, Reason.EXPIRED).asFailure();
        }
        return identity;
    }

    private Uni<Verdict> verification(String token, AuthenticationRequestContext context) {
        // Downloading keys (first use, JWKS refresh) blocks; an ECDSA check costs ~10x an RSA one (scripts/bench-auth).
        Uni<SecurityIdentity> verified = keysFetchedOverHttp || isEllipticCurveSigned(token)
                ? context.runBlocking(() -> verify(token))
                : Uni.createFrom().item(() -> verify(token));
        return verified.<Verdict>map(Verified::new)
                .onFailure(failure -> CredentialRejection.of(failure).isPresent())
                .recoverWithItem(refusal -> new Refused(CredentialRejection.of(refusal).orElseThrow()));
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
            // smallrye-jwt accepts a token until exp plus its clock skew: a cached one is accepted exactly as long.
            return QuarkusSecurityIdentity.builder(Identities.of(subject, "bearer"))
                    .addAttribute(ACCEPTED_UNTIL_ATTRIBUTE, jwt.getExpirationTime() + clockSkewSeconds)
                    .build();
        } catch (ParseException e) {
            throw new CredentialRejection(Source.BEARER_TOKEN, hasExpired(e) ? Reason.EXPIRED : Reason.INVALID)
                    .asFailure();
        }
    }

    private static boolean hasExpired(Throwable failure) {
        return CauseChain.of(failure).filter(InvalidJwtException.class::isInstance).map(InvalidJwtException.class::cast)
                .findFirst().map(InvalidJwtException::hasExpired).orElse(false);
    }

    private static boolean hasExpired(SecurityIdentity identity, long nowEpochSecond) {
        Long acceptedUntil = identity.getAttribute(ACCEPTED_UNTIL_ATTRIBUTE);
        return acceptedUntil == null || nowEpochSecond > acceptedUntil;
    }

    /** What verifying a token concluded: an identity, or why there is none. */
    private sealed interface Verdict permits Verified, Refused {
    }

    private record Verified(SecurityIdentity identity) implements Verdict {
    }

    private record Refused(CredentialRejection rejection) implements Verdict {
    }
}
