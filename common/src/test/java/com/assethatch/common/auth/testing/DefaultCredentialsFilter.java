package com.assethatch.common.auth.testing;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.time.Duration;
import java.time.Instant;

/**
 * Gives a RestAssured request the {@link TestUsers#DEFAULT_USER}'s Bearer token when it carries no credential of its
 * own, so the tests written before authentication keep acting as one user. A request with an {@code Authorization}
 * header or an Auth.js session cookie is left alone; one marked with {@link TestUsers#anonymous()} goes out bare.
 */
public final class DefaultCredentialsFilter implements Filter {

    /** Tokens live an hour; a new one is signed well before that (signing costs about a millisecond). */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(30);

    private String authorization;
    private Instant signedAt = Instant.MIN;

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        if (request.getHeaders().hasHeaderWithName(TestUsers.NO_CREDENTIALS_HEADER)) {
            request.removeHeader(TestUsers.NO_CREDENTIALS_HEADER);
        } else if (!hasCredential(request)) {
            request.header("Authorization", defaultAuthorization());
        }
        return context.next(request, response);
    }

    private static boolean hasCredential(FilterableRequestSpecification request) {
        if (request.getHeaders().hasHeaderWithName("Authorization")) {
            return true;
        }
        boolean sessionCookie = request.getCookies().asList().stream().anyMatch(cookie -> isSessionCookie(cookie.getName()));
        boolean cookieHeader = request.getHeaders().getList("Cookie").stream()
                .anyMatch(header -> header.getValue().contains(AuthjsCookies.COOKIE_NAME));
        return sessionCookie || cookieHeader;
    }

    private static boolean isSessionCookie(String name) {
        return name.startsWith(AuthjsCookies.COOKIE_NAME) || name.startsWith(AuthjsCookies.SECURE_COOKIE_NAME);
    }

    private synchronized String defaultAuthorization() {
        Instant now = Instant.now();
        if (authorization == null || signedAt.plus(TOKEN_REUSE).isBefore(now)) {
            authorization = TestCredentials.bearer(TestUsers.DEFAULT_USER);
            signedAt = now;
        }
        return authorization;
    }
}
