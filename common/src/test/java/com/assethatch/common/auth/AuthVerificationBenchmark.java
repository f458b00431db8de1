package com.assethatch.common.auth;

import com.assethatch.common.auth.testing.AuthjsCookies;
import com.assethatch.common.auth.testing.TestCredentials;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.vertx.core.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What verifying each kind of credential costs per request, in ns/op, next to the baseline every request pays
 * with authentication on: looking for a credential in the cookies and finding none. The verifiers are the ones
 * the services use (the Auth.js cookie decoder, smallrye-jwt's parser configured like a service), fed with an
 * Auth.js cookie from @auth/core and test-key JWTs. Run with scripts/bench-auth [rounds] [iterations].
 */
public final class AuthVerificationBenchmark {

    private static final int WARMUP_ROUNDS = 3;
    private static long sink;

    private AuthVerificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
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
        System.out.println("(sink " + sink + ")");
    }

    private static int parse(DefaultJWTParser parser, String token) {
        try {
            return parser.parse(token).getSubject().length();
        } catch (Exception e) {
            throw new IllegalStateException("The benchmark token must verify", e);
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
