package com.assethatch.project.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.common.testing.OwnPostgresCluster;
import com.assethatch.project.support.Api;
import com.assethatch.project.support.OwnPostgres;
import com.assethatch.project.support.TestIds;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Postgres restarted under the service: while it is down, readiness is DOWN and requests are 503 with Retry-After
 * (never 500); once it accepts connections again, readiness is UP and requests are served within 5 seconds.
 */
@QuarkusTest
@TestProfile(OwnPostgres.Profile.class)
class DatabaseRestartTest {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);

    @Test
    void readinessFollowsThePoolThatServesRequestsThroughARestart() {
        OwnPostgresCluster postgres = OwnPostgres.cluster();
        String projectId = Api.createProject(TestIds.projectId());
        readiness().then().statusCode(200).body("checks.find { it.name == 'database' }.status", equalTo("UP"));

        postgres.stopServer();
        Awaitility.await().atMost(BACK_WITHIN).pollInterval(POLL)
                .until(() -> readiness().statusCode() == 503);
        readiness().then().body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
        given().contentType("application/json").body("{\"mood\": \"calm\"}")
                .when().patch("/api/projects/{id}/qualities", projectId)
                .then().statusCode(503).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", equalTo("Database temporarily unavailable"));

        postgres.startServer();
        long restarted = System.nanoTime();
        Awaitility.await().atMost(BACK_WITHIN).pollInterval(POLL)
                .until(() -> readiness().statusCode() == 200);
        Duration untilReady = Duration.ofNanos(System.nanoTime() - restarted);
        given().contentType("application/json").body("{\"mood\": \"calm\"}")
                .when().patch("/api/projects/{id}/qualities", projectId)
                .then().statusCode(200);
        System.out.printf("readiness UP %d ms after Postgres accepted connections again%n", untilReady.toMillis());
        assertThat(untilReady).isLessThanOrEqualTo(BACK_WITHIN);
    }

    private static Response readiness() {
        return given().when().get("/q/health/ready");
    }
}
