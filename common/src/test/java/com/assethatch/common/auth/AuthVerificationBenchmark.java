package com.assethatch.common.auth;

import com.assethatch.common.auth.testing.AuthjsCookies;
import com.assethatch.common.auth.testing.TestCredentials;
import io.quarkus.cache.runtime.caffeine.CaffeineCacheImpl;
import io.quarkus.cache.runtime.caffeine.CaffeineCacheInfo;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.vertx.core.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What verifying each kind of credential costs per request, in ns/op, next to the baseline every request pays
 * with authentication on: looking for a credential in the cookies and finding none. The verifiers are the ones
 * the services use (the Auth.js cookie decoder, smallrye-jwt's parser configured like a service), fed with an
 * Auth.js cookie from @auth/core and test-key JWTs. The "Cached" rows go through BearerTokenIdentityProvider with
 * its Quarkus (Caffeine) cache built as the extension builds it: a hit, and a miss (the entry invalidated before
 * each call, so every call verifies the signature again). Run with scripts/bench-auth [rounds] [iterations].
 */
public final class AuthVerificationBenchmark {

    private static final int WARMUP_ROUNDS = 3;
    private static long sink;
    private static final AuthenticationRequestContext NEVER_BLOCKS = blocking -> {
        throw new IllegalStateException("an RS256 token with a key in the configuration is verified in place");
    };

    private AuthVerificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // quarkus-cache logs through JBoss Logging: without this, the JDK's log manager starts first and complains.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;

        String cookieName = AuthjsCookies.COOKIE_NAME;
        String cookie = AuthjsCookies.session("bench-user").get(cookieName);
        AuthjsSessionDecoder decoder = new AuthjsSessionDecoder(List.of(TestCredentials.sessionSecret()),
                Duration.ofSeconds(15));
        DefaultJWTParser parser = new DefaultJWTParser(serviceLikeJwtSettings());
        String rs256 = TestCredentials.token("bench-user").sign();
        String es256 = TestCredentials.token("bench-user").es256().sign();
        Set<Cookie> otherCookies = Set.of(Cookie.cookie("theme", "dark"), Cookie.cookie("authjs.csrf-token", "x|y"));

        System.out.printf("Auth verification, median of %d rounds x %d calls (JDK %s, %d CPUs; shared machine:"
                + " figures are indicative)%n", rounds, iterations, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        report("baseline: no credential (cookie lookup finds none)", rounds, iterations,
                () -> SessionCookie.from(otherCookies).isPresent() ? 1 : 0);
        report("Auth.js session cookie (HKDF key precomputed; A256CBC-HS512 decrypt + claims)", rounds, iterations,
                () -> decoder.userId(cookieName, cookie).length());
        report("Bearer RS256 (smallrye-jwt: JWKS key by kid, signature, iss/aud/exp)", rounds, iterations,
                () -> parse(parser, rs256));
        report("Bearer ES256 (same, P-256)", rounds, iterations, () -> parse(parser, es256));

        CaffeineCacheImpl verifiedTokens = verifiedTokenCache();
        BearerTokenIdentityProvider provider = new BearerTokenIdentityProvider(parser, serviceLikeJwtSettings(),
                new VerifiedTokenCacheSettings(), verifiedTokens);
        report("Cached Bearer RS256 (BearerTokenIdentityProvider, hit in the verified-token cache)", rounds,
                iterations, () -> authenticate(provider, rs256));
        report("Uncached Bearer RS256 (BearerTokenIdentityProvider, entry invalidated first: a miss)", rounds,
                iterations, () -> {
                    verifiedTokens.invalidate(rs256).await().indefinitely();
                    return authenticate(provider, rs256);
                });
        System.out.println("(sink " + sink + ")");
    }

    private static int parse(DefaultJWTParser parser, String token) {
        try {
            return parser.parse(token).getSubject().length();
        } catch (Exception e) {
            throw new IllegalStateException("The benchmark token must verify", e);
        }
    }

    private static int authenticate(BearerTokenIdentityProvider provider, String token) {
        SecurityIdentity[] identity = new SecurityIdentity[1];
        provider.authenticate(new BearerTokenRequest(token), NEVER_BLOCKS).subscribe().with(
                verified -> identity[0] = verified,
                failure -> {
                    throw new IllegalStateException("The benchmark token must verify", failure);
                });
        return identity[0].getPrincipal().getName().length();
    }

    /** The cache as quarkus-cache builds it from quarkus.cache.caffeine.* (common's microprofile-config.properties). */
    private static CaffeineCacheImpl verifiedTokenCache() {
        CaffeineCacheInfo info = new CaffeineCacheInfo();
        info.name = BearerTokenIdentityProvider.VERIFIED_TOKENS;
        info.maximumSize = 10_000L;
        info.expireAfterWrite = Duration.ofMinutes(1);
        return new CaffeineCacheImpl(info, false);
    }

    /** AuthConfig's defaults, as far as the provider reads them. */
    private static final class VerifiedTokenCacheSettings implements AuthConfig {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public String disabledUser() {
            return "local";
        }

        @Override
        public Optional<String> legacyOwner() {
            return Optional.empty();
        }

        @Override
        public Session session() {
            throw new UnsupportedOperationException();
        }

        @Override
        public VerifiedTokenCache verifiedTokenCache() {
            return new VerifiedTokenCache() {
                @Override
                public long maxSize() {
                    return 10_000;
                }

                @Override
                public Duration ttl() {
                    return Duration.ofMinutes(1);
                }
            };
        }
    }

    private static JWTAuthContextInfo serviceLikeJwtSettings() {
        JWTAuthContextInfo settings = new JWTAuthContextInfo();
        settings.setPublicKeyContent(TestCredentials.publicJwks());
        settings.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256));
        settings.setIssuedBy(TestCredentials.ISSUER);
        settings.setExpectedAudience(Set.of(TestCredentials.AUDIENCE));
        return settings;
    }

    private static void report(String name, int rounds, int iterations, Supplier<Integer> operation) {
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            round(iterations, operation);
        }
        long[] nanosPerOp = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            nanosPerOp[i] = round(iterations, operation);
        }
        Arrays.sort(nanosPerOp);
        System.out.printf("%-82s %,10d ns/op (min %,d, max %,d)%n", name, nanosPerOp[rounds / 2], nanosPerOp[0],
                nanosPerOp[rounds - 1]);
    }

    private static long round(int iterations, Supplier<Integer> operation) {
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            sink += operation.get();
        }
        return (System.nanoTime() - start) / iterations;
    }
}
