package com.assethatch.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests that need a database the service cannot reach are answered 503 with Retry-After in the error shape,
 * never 500: the schema is migrated over JDBC as usual, but the pool that serves requests points at a closed port.
 */
@QuarkusTest
@TestProfile(DatabaseUnreachableTest.ClosedDatabasePort.class)
class DatabaseUnreachableTest {

    public static class ClosedDatabasePort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/asset_hatch_test",
                    "asset-hatch.errors.retry-after", "PT7S");
        }
    }

    @Test
    void aReadIsA503WithRetryAfter() {
        given().when().get("/api/projects/db-down-read")
                .then().statusCode(503)
                .header("Retry-After", "7")
                .contentType(ContentType.JSON)
                .body("error", equalTo("Database temporarily unavailable"));
    }

    @Test
    void aWriteIsA503WithRetryAfter() {
        given().contentType(ContentType.JSON).body("{\"art_style\": \"Voxel\"}")
                .when().patch("/api/projects/db-down-write/qualities")
                .then().statusCode(503)
                .header("Retry-After", "7")
                .body("error", equalTo("Database temporarily unavailable"));
    }
}
