package com.assethatch.export.pack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.assethatch.common.testing.OwnPostgresCluster;
import com.assethatch.export.testsupport.OwnPostgresExportDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Postgres restarted under export-service: the JDBC pool that serves exports (and that readiness probes) drops the
 * connections the restart killed, so readiness is UP and exports are served within 5 seconds of Postgres coming
 * back; during the outage every export route is a 503 with Retry-After.
 */
@QuarkusTest
@TestProfile(OwnPostgresExportDatabase.Profile.class)
class DatabaseRestartTest {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);

    @Test
    void readinessAndExportsRecoverWithinSecondsOfARestart() {
        OwnPostgresCluster postgres = OwnPostgresExportDatabase.cluster();
        // Fill the pool with connections the restart will kill.
        for (int i = 0; i < 5; i++) {
            manifestOfAMissingProject().then().statusCode(404);
        }
        readiness().then().statusCode(200);

        postgres.stopServer();
        Awaitility.await().atMost(BACK_WITHIN).pollInterval(POLL).until(() -> readiness().statusCode() == 503);
        manifestOfAMissingProject().then().statusCode(503).header("Retry-After", notNullValue())
                .body("error", equalTo("Database temporarily unavailable"));

        postgres.startServer();
        long restarted = System.nanoTime();
        Awaitility.await().atMost(BACK_WITHIN).pollInterval(POLL).until(() -> readiness().statusCode() == 200);
        Duration untilReady = Duration.ofNanos(System.nanoTime() - restarted);
        for (int i = 0; i < 5; i++) {
            manifestOfAMissingProject().then().statusCode(404);
        }
        System.out.printf("export-service readiness UP %d ms after Postgres accepted connections again%n",
                untilReady.toMillis());
        assertThat(untilReady).isLessThanOrEqualTo(BACK_WITHIN);
    }

    private static Response manifestOfAMissingProject() {
        return given().when().get("/api/projects/{id}/export/manifest", "no-such-project");
    }

    private static Response readiness() {
        return given().when().get("/q/health/ready");
    }
}
