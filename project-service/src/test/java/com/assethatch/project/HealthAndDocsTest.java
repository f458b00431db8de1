package com.assethatch.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndDocsTest {

    @Test
    void readinessIsUpWithTheCacheTierReported() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'cache-tier' }.data.redis", equalTo("up"));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().when().get("/q/openapi")
                .then().statusCode(200).body(containsString("/api/projects/{id}/qualities"));
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200);
    }

    @Test
    void metricsExposeCacheHitsMissesAndTheRelayBacklog() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("asset_hatch_cache_reads_total"))
                .body(containsString("asset_hatch_cache_outbox_backlog"));
    }
}
