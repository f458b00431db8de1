package com.assethatch.common.auth.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Installs {@link DefaultCredentialsFilter} into RestAssured before each {@code @QuarkusTest} method of a module
 * that has common's test-jar (registered in META-INF/services). Off where the system property
 * {@value DefaultTestAuthConfig#SWITCH} is false (common's own tests, which are about credentials themselves).
 */
public class DefaultCredentialsCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!DefaultTestAuthConfig.enabled()) {
            return;
        }
        // RestAssured's filters are static; a test that resets RestAssured gets the filter back here.
        boolean installed = RestAssured.filters().stream().anyMatch(DefaultCredentialsFilter.class::isInstance);
        if (!installed) {
            RestAssured.filters(new DefaultCredentialsFilter());
        }
    }
}
