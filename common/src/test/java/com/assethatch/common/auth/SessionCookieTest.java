package com.assethatch.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.Cookie;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

    @Test
    void findsTheWholeCookie() {
        assertThat(SessionCookie.from(cookies("authjs.session-token=abc", "other=x")))
                .contains(new SessionCookie("authjs.session-token", "abc"));
    }

    @Test
    void joinsChunksInNumericOrderNotNameOrder() {
        Set<Cookie> chunks = new LinkedHashSet<>();
        for (int i = 11; i >= 0; i--) {
            chunks.add(Cookie.cookie("authjs.session-token." + i, "<" + i + ">"));
        }

        assertThat(SessionCookie.from(chunks)).contains(
                new SessionCookie("authjs.session-token", "<0><1><2><3><4><5><6><7><8><9><10><11>"));
    }

    @Test
    void prefersTheSecureCookieOverThePlainOne() {
        assertThat(SessionCookie.from(cookies("authjs.session-token=plain", "__Secure-authjs.session-token=secure")))
                .contains(new SessionCookie("__Secure-authjs.session-token", "secure"));
    }

    @Test
    void ignoresLookAlikesAndEmptyValues() {
        assertThat(SessionCookie.from(cookies("authjs.session-token.x=1", "authjs.session-token-old=2",
                "xauthjs.session-token=3", "authjs.session-token=", "authjs.csrf-token=4"))).isEmpty();
        assertThat(SessionCookie.from(Set.of())).isEmpty();
    }

    private static Set<Cookie> cookies(String... pairs) {
        Set<Cookie> cookies = new LinkedHashSet<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            cookies.add(Cookie.cookie(pair.substring(0, equals), pair.substring(equals + 1)));
        }
        return cookies;
    }
}
