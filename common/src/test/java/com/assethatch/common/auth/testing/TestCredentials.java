package com.assethatch.common.auth.testing;

import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Credentials for tests: Bearer JWTs signed by a test RSA or EC key, and the AUTH_SECRET of the Auth.js session
 * cookie (see {@link AuthjsCookies}). {@link AuthTestResource} configures the application under test with the
 * matching public keys, issuer, audience and secret.
 *
 * <p>Keys and secret are made once per JVM and kept in system properties, so the test resource and the test class
 * see the same ones even when Quarkus loads them with different class loaders.
 */
public final class TestCredentials {

    public static final String ISSUER = "https://auth.test.asset-hatch";
    public static final String AUDIENCE = "asset-hatch-test";
    public static final String RSA_KID = "test-rsa";
    public static final String EC_KID = "test-ec";
    private static final String KEYS_PROPERTY = "asset-hatch.test.auth.private-jwks";
    private static final String SECRET_PROPERTY = "asset-hatch.test.auth.session-secret";
    private static final long LIFETIME_SECONDS = 3600;

    private TestCredentials() {
    }

    /** {@code Authorization} header value: a valid RS256 token for the user, an hour long. */
    public static String bearer(String userId) {
        return "Bearer " + token(userId).sign();
    }

    /** A token to vary: algorithm, issuer, audience, lifetime; {@link Token#sign()} signs it. */
    public static Token token(String userId) {
        return new Token(userId, AlgorithmIdentifiers.RSA_USING_SHA256, ISSUER, AUDIENCE, LIFETIME_SECONDS);
    }

    /** Auth.js's AUTH_SECRET the application under test is configured with. */
    public static synchronized String sessionSecret() {
        String secret = System.getProperty(SECRET_PROPERTY);
        if (secret == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
            System.setProperty(SECRET_PROPERTY, secret);
        }
        return secret;
    }

    /** The public half of the test keys, as the JWKS {@code mp.jwt.verify.publickey} takes. */
    public static String publicJwks() {
        return keys().toJson(OutputControlLevel.PUBLIC_ONLY);
    }

    /** The RSA public key in PEM, the text an algorithm-confusion attack uses as an HMAC secret. */
    public static String rsaPublicKeyPem() {
        byte[] der = rsaKey().getPublicKey().getEncoded();
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** A JWT whose header says {@code alg: none} and which has no signature at all. */
    public static String unsigned(String userId) {
        JsonWebSignature jws = token(userId).jws(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return compact(jws);
    }

    /** HS256 with the service's own public key (PEM text) as the HMAC secret: the classic key-confusion forgery. */
    public static String hs256WithPublicKey(String userId) {
        JsonWebSignature jws = token(userId).jws(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(RSA_KID);
        jws.setKey(new HmacKey(rsaPublicKeyPem().getBytes()));
        jws.setDoKeyValidation(false);
        return compact(jws);
    }

    /** The token with one character of its signature changed. */
    public static String withBadSignature(String token) {
        int signatureStart = token.lastIndexOf('.') + 1;
        int middle = signatureStart + (token.length() - signatureStart) / 2;
        char changed = token.charAt(middle) == 'A' ? 'B' : 'A';
        return token.substring(0, middle) + changed + token.substring(middle + 1);
    }

    private static synchronized JsonWebKeySet keys() {
        try {
            String json = System.getProperty(KEYS_PROPERTY);
            if (json == null) {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                ec.initialize(new ECGenParameterSpec("secp256r1"));
                var rsaPair = rsa.generateKeyPair();
                var ecPair = ec.generateKeyPair();
                PublicJsonWebKey rsaJwk = PublicJsonWebKey.Factory.newPublicJwk(rsaPair.getPublic());
                rsaJwk.setPrivateKey(rsaPair.getPrivate());
                rsaJwk.setKeyId(RSA_KID);
                rsaJwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                PublicJsonWebKey ecJwk = PublicJsonWebKey.Factory.newPublicJwk(ecPair.getPublic());
                ecJwk.setPrivateKey(ecPair.getPrivate());
                ecJwk.setKeyId(EC_KID);
                ecJwk.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
                json = new JsonWebKeySet(List.<JsonWebKey>of(rsaJwk, ecJwk)).toJson(OutputControlLevel.INCLUDE_PRIVATE);
                System.setProperty(KEYS_PROPERTY, json);
            }
            return new JsonWebKeySet(json);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the test keys", e);
        }
    }

    private static RsaJsonWebKey rsaKey() {
        return (RsaJsonWebKey) keys().findJsonWebKey(RSA_KID, null, null, null);
    }

    private static EllipticCurveJsonWebKey ecKey() {
        return (EllipticCurveJsonWebKey) keys().findJsonWebKey(EC_KID, null, null, null);
    }

    private static String compact(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWT about to be signed. Each {@code with...} returns a changed copy. */
    public record Token(String subject, String algorithm, String issuer, String audience, long lifetimeSeconds) {

        public Token es256() {
            return new Token(subject, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, issuer, audience,
                    lifetimeSeconds);
        }

        public Token withIssuer(String otherIssuer) {
            return new Token(subject, algorithm, otherIssuer, audience, lifetimeSeconds);
        }

        public Token withAudience(String otherAudience) {
            return new Token(subject, algorithm, issuer, otherAudience, lifetimeSeconds);
        }

        /** Valid for that many seconds from now; a negative lifetime: expired that long ago (issued before). */
        public Token withLifetime(long seconds) {
            return new Token(subject, algorithm, issuer, audience, seconds);
        }

        /** Signed with the test key for its algorithm. */
        public String sign() {
            JsonWebSignature jws = jws(algorithm);
            PublicJsonWebKey key = AlgorithmIdentifiers.RSA_USING_SHA256.equals(algorithm) ? rsaKey() : ecKey();
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            return compact(jws);
        }

        JsonWebSignature jws(String headerAlgorithm) {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setAudience(audience);
            claims.setSubject(subject);
            long issuedAt = NumericDate.now().getValue() - (lifetimeSeconds < 0 ? 2 * LIFETIME_SECONDS : 0);
            claims.setIssuedAt(NumericDate.fromSeconds(issuedAt));
            claims.setExpirationTime(NumericDate.fromSeconds(
                    lifetimeSeconds < 0 ? NumericDate.now().getValue() + lifetimeSeconds : issuedAt + lifetimeSeconds));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(headerAlgorithm);
            jws.setHeader("typ", "JWT");
            return jws;
        }
    }
}
