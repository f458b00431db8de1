package com.assethatch.common.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Who may call the API. Bearer JWTs are configured with smallrye-jwt's own {@code mp.jwt.verify.*} keys
 * (issuer, audiences, public key or JWKS location, algorithms); these are the rest.
 */
@ConfigMapping(prefix = "asset-hatch.auth")
public interface AuthConfig {

    /**
     * Off only on purpose: credentials are then not checked, every request acts as {@link #disabledUser()}, and
     * start-up logs a warning.
     */
    @WithDefault("true")
    boolean enabled();

    /** The user every request acts as while {@link #enabled()} is false. */
    @WithDefault("local")
    String disabledUser();

    /**
     * The user that projects created before owners existed are assigned to (project-service's migration V3 and its
     * afterMigrate callback, through the Flyway placeholder legacy_owner). Unset, nobody can reach those rows.
     */
    Optional<String> legacyOwner();

    Session session();

    /** Bearer tokens already verified, kept so that each request does not pay a signature check again. */
    VerifiedTokenCache verifiedTokenCache();

    /**
     * Sizes the Quarkus cache {@value BearerTokenIdentityProvider#VERIFIED_TOKENS} (Caffeine). A cached token is still
     * refused once its {@code exp} (plus smallrye-jwt's clock skew) has passed; refusals are never cached.
     */
    interface VerifiedTokenCache {

        /** Most tokens kept; the least used go first. */
        @WithDefault("10000")
        long maxSize();

        /** How long a verified token is kept after its verification, well under any token's lifetime. */
        @WithDefault("PT1M")
        Duration ttl();
    }

    /** The original frontend's Auth.js session cookie. */
    interface Session {

        /** The frontend's {@code AUTH_SECRET}; unset, session cookies are refused. */
        @WithDefault("${AUTH_SECRET:}")
        Optional<String> secret();

        /**
         * Older secrets still accepted while AUTH_SECRET rotates (what Auth.js reads from AUTH_SECRET_1..3).
         * Cookies are only ever decrypted, never issued, so the order does not matter.
         */
        Optional<List<String>> previousSecrets();

        /** Leeway for exp and nbf; Auth.js's own decode allows 15 seconds. */
        @WithDefault("PT15S")
        Duration clockSkew();
    }
}
