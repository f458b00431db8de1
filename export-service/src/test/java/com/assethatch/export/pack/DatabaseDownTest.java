package com.assethatch.export.pack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With Postgres unreachable every export route answers 503 in the error shape, and readiness turns down. */
@QuarkusTest
@TestProfile(DatabaseDownTest.NoDatabase.class)
class DatabaseDownTest {

    /** Nothing listens on port 1: every connection attempt is refused at once. */
    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/asset_hatch");
        }
    }

    @Test
    void everyExportRouteAnswers503DatabaseTemporarilyUnavailable() {
        given().get("/api/projects/p/export").then().statusCode(503)
                .contentType(ContentType.JSON).body("error", equalTo("Database temporarily unavailable"));
        given().get("/api/projects/p/export/manifest").then().statusCode(503)
                .body("error", equalTo("Database temporarily unavailable"));
        given().contentType(ContentType.JSON).body(Map.of("projectId", "p")).post("/api/export").then().statusCode(503)
                .body("error", equalTo("Database temporarily unavailable"));
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachable() {
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }
}
