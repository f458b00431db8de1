package com.assethatch.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A browser frontend on another origin may call the API and read its download headers; other origins may not. */
@QuarkusTest
class CorsTest {

    private static final String OTHER_ORIGIN = "https://not-the-frontend.example";

    /** From ASSET_HATCH_CORS_ORIGINS, http://localhost:3000 (the Next.js frontend) by default. */
    @ConfigProperty(name = "quarkus.http.cors.origins")
    List<String> allowedOrigins;

    private String frontend() {
        return allowedOrigins.get(0);
    }

    @Test
    void allowedOriginsAreAnExplicitListNeverAWildcard() {
        assertThat(allowedOrigins).isNotEmpty().doesNotContain("*", "/.*/");
    }

    @Test
    void preflightFromTheFrontendAllowsTheMethodsAndHeadersTheApiUses() {
        given().header("Origin", frontend())
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match")
                .when().options("/q/health/ready")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", frontend())
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("GET"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("If-None-Match"))
                .header("Access-Control-Max-Age", "3600");
    }

    @Test
    void preflightFromAnotherOriginIsNotAllowed() {
        given().header("Origin", OTHER_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .when().options("/q/health/ready")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void readFromTheFrontendMayReadETagAndContentDisposition() {
        given().header("Origin", frontend())
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .header("Access-Control-Allow-Origin", frontend())
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("ETag"))
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("Content-Disposition"))
                .header("Access-Control-Allow-Credentials", "true");
    }

    @Test
    void readFromAnotherOriginIsRefused() {
        given().header("Origin", OTHER_ORIGIN)
                .when().get("/q/health/ready")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
