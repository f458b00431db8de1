package com.assethatch.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assethatch.common.auth.testing.AuthjsCookies;
import com.assethatch.common.auth.testing.AuthjsCookies.Session;
import io.quarkus.security.AuthenticationFailedException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens minted by Auth.js's own encode (@auth/core under Node), read by the decoder alone. */
class AuthjsSessionDecoderTest {

    private static final String SECRET = "first-secret-0123456789abcdef0123456789";
    private static final String NEXT_SECRET = "next-secret-0123456789abcdef0123456789a";
    private static final Duration SKEW = Duration.ofSeconds(15);
    private static final String COOKIE = AuthjsSessionDecoder.COOKIE_NAME;
    private static final Session SESSION = new Session(Map.of("id", "user-1"), COOKIE, 3600, SECRET);

    /** Every token the tests need, minted in one Node run. */
    private static final Map<String, Session> SESSIONS = new LinkedHashMap<>();
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static long mintedAtMillis;

    static {
        SESSIONS.put("id and sub", SESSION.withToken(Map.of("id", "user-42", "sub", "github|7", "name", "Ada")));
        SESSIONS.put("sub only", SESSION.withToken(Map.of("sub", "user-sub-only")));
        SESSIONS.put("no user", SESSION.withToken(Map.of("name", "Nobody")));
        SESSIONS.put("old secret", SESSION.withToken(Map.of("id", "old-session")));
        SESSIONS.put("new secret", SESSION.withToken(Map.of("id", "new-session")).withSecret(NEXT_SECRET));
        SESSIONS.put("expired", SESSION.withMaxAge(-60));
        SESSIONS.put("one second", SESSION.withMaxAge(1));
    }

    @BeforeAll
    static void mintWithAuthjs() {
        List<Map<String, String>> minted = AuthjsCookies.mint(List.copyOf(SESSIONS.values()));
        mintedAtMillis = System.currentTimeMillis();
        int i = 0;
        for (String name : SESSIONS.keySet()) {
            Map<String, String> cookies = minted.get(i++);
            assertThat(cookies).as(name).containsOnlyKeys(COOKIE);
            TOKENS.put(name, cookies.get(COOKIE));
        }
    }

    @Test
    void readsTheIdClaimOfAnAuthjsToken() {
        assertThat(decoder(SECRET).userId(COOKIE, TOKENS.get("id and sub"))).isEqualTo("user-42");
    }

    @Test
    void fallsBackToSubWhenTheTokenHasNoId() {
        assertThat(decoder(SECRET).userId(COOKIE, TOKENS.get("sub only"))).isEqualTo("user-sub-only");
    }

    @Test
    void refusesATokenWithNeitherIdNorSub() {
        assertRejected(() -> decoder(SECRET).userId(COOKIE, TOKENS.get("no user")),
                "Unauthorized: the session cookie is not valid");
    }

    @Test
    void acceptsTokensOfAPreviousSecretWhileItRotates() {
        AuthjsSessionDecoder rotating = new AuthjsSessionDecoder(List.of(NEXT_SECRET, SECRET), SKEW);

        assertThat(rotating.userId(COOKIE, TOKENS.get("old secret"))).isEqualTo("old-session");
        assertThat(rotating.userId(COOKIE, TOKENS.get("new secret"))).isEqualTo("new-session");
        assertRejected(() -> decoder(NEXT_SECRET).userId(COOKIE, TOKENS.get("old secret")), "is not valid");
    }

    @Test
    void refusesATokenEncryptedForTheOtherCookieName() {
        // The cookie name is the HKDF salt: a token of the http cookie moved into the __Secure- one does not decrypt.
        assertRejected(() -> decoder(SECRET).userId(AuthjsSessionDecoder.SECURE_COOKIE_NAME, TOKENS.get("id and sub")),
                "is not valid");
    }

    @Test
    void refusesAnExpiredTokenAndSaysSo() {
        assertRejected(() -> decoder(SECRET).userId(COOKIE, TOKENS.get("expired")),
                "Unauthorized: the session cookie has expired");
    }

    @Test
    void toleratesClockSkewOnExpiryAndNoMore() throws InterruptedException {
        long expiredForTwoSeconds = mintedAtMillis + 3000 - System.currentTimeMillis();
        Thread.sleep(Math.max(0, expiredForTwoSeconds));
        String token = TOKENS.get("one second");

        assertThat(decoder(SECRET).userId(COOKIE, token)).isEqualTo("user-1");
        assertRejected(() -> new AuthjsSessionDecoder(List.of(SECRET), Duration.ZERO).userId(COOKIE, token),
                "has expired");
    }

    @Test
    void refusesGarbageAndEmptyTokens() {
        assertRejected(() -> decoder(SECRET).userId(COOKIE, "not-a-jwe"), "is not valid");
        assertRejected(() -> decoder(SECRET).userId(COOKIE, ""), "is not valid");
        assertRejected(() -> decoder(SECRET).userId(COOKIE, "a.b.c.d.e"), "is not valid");
    }

    @Test
    void refusesEveryCookieWhenNoSecretIsConfigured() {
        assertRejected(() -> new AuthjsSessionDecoder(List.of(), SKEW).userId(COOKIE, TOKENS.get("id and sub")),
                "is not valid");
    }

    private static AuthjsSessionDecoder decoder(String secret) {
        return new AuthjsSessionDecoder(List.of(secret), SKEW);
    }

    private static void assertRejected(Runnable decode, String message) {
        assertThatThrownBy(decode::run).isInstanceOf(AuthenticationFailedException.class).hasMessageContaining(message);
    }
}
