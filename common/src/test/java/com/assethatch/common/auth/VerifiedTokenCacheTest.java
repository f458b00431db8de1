package com.assethatch.common.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.common.auth.testing.AuthTestResource;
import com.assethatch.common.auth.testing.TestCredentials;
import com.assethatch.common.testing.LogCapture;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verified Bearer tokens are kept (BearerTokenIdentityProvider), over HTTP: what a verification proved is reused,
 * never what it refused, a kept token still expires at its exp (plus the clock skew, one second here: smallrye-jwt
 * ignores 0), and the cache stays within its size.
 */
@QuarkusTest
@TestProfile(VerifiedTokenCacheTest.SmallCacheNoSkew.class)
@WithTestResource(AuthTestResource.class)
class VerifiedTokenCacheTest {

    private static final String WHOAMI = "/api/probe/whoami";
    private static final int MAX_SIZE = 3;
    private static final int CLOCK_SKEW_SECONDS = 1;
    private static final int LIFETIME_SECONDS = 2;
    private static final Duration EVICTION_DEADLINE = Duration.ofSeconds(10);
    /** Where Caffeine reports a failed load. */
    private static final String CAFFEINE_LOGGERS = "com.github.benmanes.caffeine";

    public static class SmallCacheNoSkew implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asset-hatch.auth.verified-token-cache.max-size", String.valueOf(MAX_SIZE),
                    "mp.jwt.verify.clock.skew", String.valueOf(CLOCK_SKEW_SECONDS));
        }
    }

    @Inject
    @CacheName(BearerTokenIdentityProvider.VERIFIED_TOKENS)
    Cache verifiedTokens;

    @BeforeEach
    void emptyCache() {
        verifiedTokens.invalidateAll().await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void aTokenVerifiedOnceIsAcceptedFromTheCache() {
        String token = TestCredentials.token("erin").sign();

        whoami(token).statusCode(200).body("userId", equalTo("erin"));
        assertThat(cachedTokens()).containsExactly(token);
        whoami(token).statusCode(200).body("userId", equalTo("erin"));
        whoami(token).statusCode(200).body("userId", equalTo("erin"));
        assertThat(cachedTokens()).containsExactly(token);
    }

    @Test
    void aTokenThatExpiresWhileCachedIsRefused() throws InterruptedException {
        String token = TestCredentials.token("erin").withLifetime(LIFETIME_SECONDS).sign();
        whoami(token).statusCode(200).body("userId", equalTo("erin"));
        assertThat(cachedTokens()).containsExactly(token);

        // exp is in whole seconds: a second more is past exp plus the skew whatever the millisecond of signing
        Thread.sleep((LIFETIME_SECONDS + CLOCK_SKEW_SECONDS + 1) * 1000L + 100);

        whoami(token).statusCode(401).body("error", equalTo("Unauthorized: the bearer token has expired"));
        assertThat(cachedTokens()).as("still cached (the TTL is a minute): refused from the cache").contains(token);
        whoami(token).statusCode(401);
    }

    @Test
    void aForgedTokenIsNeverAcceptedNorCached() {
        String genuine = TestCredentials.token("erin").sign();
        whoami(genuine).statusCode(200);
        String badSignature = TestCredentials.withBadSignature(genuine);
        String keyConfusion = TestCredentials.hs256WithPublicKey("erin");

        for (int attempt = 0; attempt < 2; attempt++) {
            whoami(badSignature).statusCode(401).body("error", equalTo("Unauthorized: the bearer token is not valid"));
            whoami(keyConfusion).statusCode(401).body("error", equalTo("Unauthorized: the bearer token is not valid"));
        }
        assertThat(cachedTokens()).containsExactly(genuine);
    }

    @Test
    void refusingATokenLogsNoWarning() {
        List<LogRecord> cacheWarnings;
        try (LogCapture log = LogCapture.install()) {
            String forged = TestCredentials.withBadSignature(TestCredentials.token("erin").sign());
            for (int attempt = 0; attempt < 3; attempt++) {
                whoami(forged).statusCode(401).body("error", equalTo("Unauthorized: the bearer token is not valid"));
            }
            whoami(TestCredentials.token("erin").withLifetime(-60).sign()).statusCode(401)
                    .body("error", equalTo("Unauthorized: the bearer token has expired"));
            cacheWarnings = log.records().stream()
                    .filter(record -> String.valueOf(record.getLoggerName()).startsWith(CAFFEINE_LOGGERS))
                    .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                    .toList();
        }
        assertThat(cacheWarnings).as("a client sending bad tokens must not flood the log with stack traces")
                .extracting(LogCapture::message).isEmpty();
        assertThat(cachedTokens()).isEmpty();
    }

    @Test
    void theCacheKeepsNoMoreThanItsMaximumSize() throws InterruptedException {
        for (int user = 0; user < 4 * MAX_SIZE; user++) {
            whoami(TestCredentials.token("user-" + user).sign()).statusCode(200).body("userId", equalTo("user-" + user));
        }

        long deadline = System.nanoTime() + EVICTION_DEADLINE.toNanos();
        while (cachedTokens().size() > MAX_SIZE && System.nanoTime() < deadline) {
            Thread.sleep(50); // Caffeine evicts in the background, shortly after the writes
        }
        assertThat(cachedTokens()).hasSizeLessThanOrEqualTo(MAX_SIZE);
    }

    private Set<Object> cachedTokens() {
        return verifiedTokens.as(CaffeineCache.class).keySet();
    }

    private static ValidatableResponse whoami(String token) {
        return given().header("Authorization", "Bearer " + token).get(WHOAMI).then();
    }
}
