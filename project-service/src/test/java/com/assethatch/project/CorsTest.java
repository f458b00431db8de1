package com.assethatch.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A browser frontend on another origin may call the API; other origins may not. */
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
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "content-type,if-match")
                .when().options("/api/projects/{id}/qualities", "any-project")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", frontend())
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("PATCH"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("If-Match"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Content-Type"))
                .header("Access-Control-Max-Age", "3600");
    }

    @Test
    void preflightFromAnotherOriginIsNotAllowed() {
        given().header("Origin", OTHER_ORIGIN)
                .header("Access-Control-Request-Method", "PATCH")
                .when().options("/api/projects/{id}/qualities", "any-project")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void readFromTheFrontendSeesTheETagHeader() {
        String projectId = Api.createProject(TestIds.projectId());

        given().header("Origin", frontend())
                .when().get("/api/projects/{id}/qualities", projectId)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", frontend())
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("ETag"))
                .header("ETag", notNullValue())
                .header("Access-Control-Allow-Credentials", "true");
    }

    @Test
    void createFromTheFrontendSeesTheLocationHeader() {
        String projectId = TestIds.projectId();

        given().header("Origin", frontend())
                .contentType(ContentType.JSON).body(Map.of("id", projectId, "name", "CORS " + projectId))
                .when().post("/api/projects")
                .then().statusCode(201)
                .header("Access-Control-Allow-Origin", frontend())
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("Location"))
                .header("Location", notNullValue());
    }

    @Test
    void readFromAnotherOriginIsRefused() {
        given().header("Origin", OTHER_ORIGIN)
                .when().get("/q/health/ready")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void requestsWithoutAnOriginAreUnaffected() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
