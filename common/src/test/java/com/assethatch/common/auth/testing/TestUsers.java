package com.assethatch.common.auth.testing;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

/**
 * Who a service test acts as. Every {@code @QuarkusTest} request made with RestAssured carries the
 * {@link #DEFAULT_USER}'s Bearer token unless it brings a credential of its own ({@code Authorization}, or an
 * Auth.js session cookie) or asks for none with {@link #anonymous()}: see {@link DefaultCredentialsFilter}.
 */
public final class TestUsers {

    /** The user a test acts as when it says nothing else: the owner of everything it creates. */
    public static final String DEFAULT_USER = "test-user";
    /** A second user, for "someone else's project" checks. */
    public static final String OTHER_USER = "other-user";

    /** Marks a request that must go out without any credential; the filter removes it before sending. */
    static final String NO_CREDENTIALS_HEADER = "X-Test-No-Default-Credentials";

    private TestUsers() {
    }

    /** {@code given().spec(TestUsers.anonymous())}: the request goes out with no credential at all. */
    public static RequestSpecification anonymous() {
        return new RequestSpecBuilder().addHeader(NO_CREDENTIALS_HEADER, "true").build();
    }

    /** {@code given().spec(TestUsers.as("bob"))}: the request acts as that user (a Bearer token). */
    public static RequestSpecification as(String userId) {
        return new RequestSpecBuilder().addHeader("Authorization", TestCredentials.bearer(userId)).build();
    }
}
