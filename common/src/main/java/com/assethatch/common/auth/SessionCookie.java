package com.assethatch.common.auth;

import io.vertx.core.http.Cookie;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Auth.js session token a request carries: one cookie, or, when the token outgrew one cookie, the chunks
 * {@code <name>.0}, {@code <name>.1}, … joined in numeric order (Auth.js's SessionStore).
 */
record SessionCookie(String name, String token) {

    private static final List<String> NAMES =
            List.of(AuthjsSessionDecoder.SECURE_COOKIE_NAME, AuthjsSessionDecoder.COOKIE_NAME);
    private static final Pattern CHUNK = Pattern.compile("(.+)\\.(\\d{1,3})");

    static Optional<SessionCookie> from(Set<Cookie> cookies) {
        if (cookies.isEmpty()) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            Optional<SessionCookie> found = whole(cookies, name).or(() -> chunked(cookies, name));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<SessionCookie> whole(Set<Cookie> cookies, String name) {
        return cookies.stream()
                .filter(cookie -> cookie.getName().equals(name) && !cookie.getValue().isEmpty())
                .findFirst()
                .map(cookie -> new SessionCookie(name, cookie.getValue()));
    }

    private static Optional<SessionCookie> chunked(Set<Cookie> cookies, String name) {
        Map<Integer, String> chunks = new TreeMap<>(Comparator.naturalOrder());
        for (Cookie cookie : cookies) {
            Matcher chunk = CHUNK.matcher(cookie.getName());
            if (chunk.matches() && chunk.group(1).equals(name) && !cookie.getValue().isEmpty()) {
                chunks.put(Integer.parseInt(chunk.group(2)), cookie.getValue());
            }
        }
        return chunks.isEmpty()
                ? Optional.empty()
                : Optional.of(new SessionCookie(name, chunks.values().stream().collect(Collectors.joining())));
    }
}
