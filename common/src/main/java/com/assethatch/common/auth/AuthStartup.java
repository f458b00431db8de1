package com.assethatch.common.auth;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Says at start-up which credentials the service accepts, warns when authentication is off, and refuses to start
 * with Bearer settings that would let a wrong token in.
 */
@ApplicationScoped
class AuthStartup {

    private static final Set<SignatureAlgorithm> ASYMMETRIC = Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256);

    void onStart(@Observes StartupEvent event, AuthConfig config, JWTAuthContextInfo jwt) {
        if (!config.enabled()) {
            Log.warnf("Authentication is OFF (asset-hatch.auth.enabled=false): no credential is checked and every "
                    + "request acts as user '%s'. Never run like this where anyone else can reach the service.",
                    config.disabledUser());
            return;
        }
        checkBearerSettings(jwt, LaunchMode.current() == LaunchMode.NORMAL);
        Log.infof("Authentication is on. Auth.js session cookie: %s. Bearer JWT: %s.",
                config.session().secret().isPresent() ? "accepted (AUTH_SECRET is set)" : "refused (no AUTH_SECRET)",
                hasVerificationKey(jwt)
                        ? "accepted from issuer " + jwt.getIssuedBy() + " for audience " + jwt.getExpectedAudience()
                                + ", algorithms " + names(jwt.getSignatureAlgorithm())
                        : "refused (no mp.jwt.verify.publickey or .location)");
        config.legacyOwner().ifPresent(owner -> Log.infof("Rows without an owner belong to user '%s'", owner));
    }

    /**
     * Only RS256 and ES256, and in production never a public key without the issuer and audience it must come with.
     * (In dev and test, smallrye-jwt makes up a key of its own when none is configured, without an audience.)
     */
    static void checkBearerSettings(JWTAuthContextInfo jwt, boolean production) {
        if (!ASYMMETRIC.containsAll(jwt.getSignatureAlgorithm())) {
            throw new IllegalStateException("mp.jwt.verify.publickey.algorithm may only list RS256 and ES256, not "
                    + names(jwt.getSignatureAlgorithm()));
        }
        if (jwt.getSecretVerificationKey() != null || jwt.getSecretKeyContent() != null) {
            throw new IllegalStateException("Bearer JWTs must be verified with a public key, not a shared secret");
        }
        if (jwt.getSignatureAlgorithm().size() > 1 && isPem(jwt)) {
            throw new IllegalStateException("A PEM key serves one algorithm: give a JWKS (file or URL) for "
                    + names(jwt.getSignatureAlgorithm()) + ", or set mp.jwt.verify.publickey.algorithm to the key's own");
        }
        if (production && hasVerificationKey(jwt) && (jwt.getIssuedBy() == null || jwt.getExpectedAudience() == null
                || jwt.getExpectedAudience().isEmpty())) {
            throw new IllegalStateException("A Bearer key is configured: set mp.jwt.verify.issuer and "
                    + "mp.jwt.verify.audiences too (MP_JWT_VERIFY_ISSUER, MP_JWT_VERIFY_AUDIENCES)");
        }
    }

    private static boolean isPem(JWTAuthContextInfo jwt) {
        return (jwt.getPublicKeyContent() != null && jwt.getPublicKeyContent().contains("-----BEGIN"))
                || (jwt.getPublicKeyLocation() != null && jwt.getPublicKeyLocation().endsWith(".pem"));
    }

    private static boolean hasVerificationKey(JWTAuthContextInfo jwt) {
        return jwt.getPublicKeyContent() != null || jwt.getPublicKeyLocation() != null
                || jwt.getPublicVerificationKey() != null;
    }

    private static String names(Set<SignatureAlgorithm> algorithms) {
        return algorithms.stream().map(SignatureAlgorithm::getAlgorithm).sorted().collect(Collectors.joining(","));
    }
}
