package com.assethatch.common.auth;

import com.assethatch.common.auth.CredentialRejection.Reason;
import com.assethatch.common.auth.CredentialRejection.Source;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.DecryptionKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Reads the user id out of an Auth.js v5 session token: a JWE ({@code alg: dir}, {@code enc: A256CBC-HS512})
 * whose key is HKDF-SHA256(secret, salt = cookie name, info = "Auth.js Generated Encryption Key (cookie name)",
 * 64 bytes), exactly as {@code @auth/core/jwt} encodes it. Several secrets may be valid while one rotates; the
 * token's {@code kid} (the key's SHA-512 JWK thumbprint) picks the right one, as Auth.js's own decode does.
 */
final class AuthjsSessionDecoder {

    static final String COOKIE_NAME = "authjs.session-token";
    static final String SECURE_COOKIE_NAME = "__Secure-" + COOKIE_NAME;
    private static final int KEY_LENGTH = 64;
    private static final String USER_ID_CLAIM = "id";

    private final Map<String, JwtConsumer> consumersByCookieName = new LinkedHashMap<>();

    AuthjsSessionDecoder(List<String> secrets, Duration clockSkew) {
        for (String cookieName : List.of(SECURE_COOKIE_NAME, COOKIE_NAME)) {
            consumersByCookieName.put(cookieName, consumer(keysByKid(secrets, cookieName), clockSkew));
        }
    }

    /** The user the token was issued for: its {@code id} claim, or {@code sub} when there is none. */
    String userId(String cookieName, String token) {
        JwtConsumer consumer = consumersByCookieName.get(cookieName);
        if (consumer == null) {
            throw new IllegalArgumentException("Not an Auth.js session cookie: " + cookieName);
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            return stringClaim(claims, USER_ID_CLAIM)
                    .or(() -> stringClaim(claims, "sub"))
                    .orElseThrow(() -> new CredentialRejection(Source.SESSION_COOKIE, Reason.INVALID).asFailure());
        } catch (InvalidJwtException e) {
            throw new CredentialRejection(Source.SESSION_COOKIE, e.hasExpired() ? Reason.EXPIRED : Reason.INVALID)
                    .asFailure();
        }
    }

    private static Optional<String> stringClaim(JwtClaims claims, String name) {
        return claims.getClaimValue(name) instanceof String value && !value.isBlank()
                ? Optional.of(value) : Optional.empty();
    }

    private static JwtConsumer consumer(Map<String, Key> keysByKid, Duration clockSkew) {
        return new JwtConsumerBuilder()
                .setEnableRequireEncryption()
                // The JWE's authentication tag (HMAC-SHA512 over it) is what proves who wrote it: Auth.js signs nothing.
                .setDisableRequireSignature()
                .setJweAlgorithmConstraints(
                        new AlgorithmConstraints(ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.DIRECT))
                .setJweContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                        ContentEncryptionAlgorithmIdentifiers.AES_256_CBC_HMAC_SHA_512))
                .setDecryptionKeyResolver(new KidResolver(keysByKid))
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(Math.toIntExact(clockSkew.toSeconds()))
                .setSkipDefaultAudienceValidation()
                .build();
    }

    private static Map<String, Key> keysByKid(List<String> secrets, String cookieName) {
        byte[] salt = cookieName.getBytes(StandardCharsets.UTF_8);
        byte[] info = ("Auth.js Generated Encryption Key (" + cookieName + ")").getBytes(StandardCharsets.UTF_8);
        Map<String, Key> keys = new LinkedHashMap<>();
        for (String secret : secrets) {
            Key key = new SecretKeySpec(Hkdf.sha256(secret.getBytes(StandardCharsets.UTF_8), salt, info, KEY_LENGTH), "AES");
            keys.putIfAbsent(thumbprint(key), key);
        }
        return keys;
    }

    /** RFC 7638 thumbprint with SHA-512, what Auth.js puts into the kid header. */
    private static String thumbprint(Key key) {
        return new OctetSequenceJsonWebKey(key).calculateBase64urlEncodedThumbprint("SHA-512");
    }

    /** Auth.js's decode: the key whose thumbprint is the token's kid, or the first secret's when there is no kid. */
    private record KidResolver(Map<String, Key> keysByKid) implements DecryptionKeyResolver {

        @Override
        public Key resolveKey(JsonWebEncryption jwe, List<JsonWebStructure> nestingContext)
                throws UnresolvableKeyException {
            String kid = jwe.getKeyIdHeaderValue();
            Key key = kid == null
                    ? keysByKid.values().stream().findFirst().orElse(null)
                    : keysByKid.get(kid);
            if (key == null) {
                throw new UnresolvableKeyException("No session secret matches the token");
            }
            return key;
        }
    }
}
