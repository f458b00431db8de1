package com.assethatch.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A browser request from an origin that is not allowed gets its 403 in the error shape, not an empty body. */
@QuarkusTest
@TestProfile(CorsRefusalsTest.OneAllowedOrigin.class)
class CorsRefusalsTest {

    public static class OneAllowedOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true",
                    "quarkus.http.cors.origins", "http://app.example,/https://.*\\.preview\\.example/");
        }
    }

    @Test
    void anotherOriginIsA403InTheErrorShape() {
        given().header("Origin", "http://evil.example").when().get("/sanity-probe/x")
                .then().statusCode(403).contentType(ContentType.JSON)
                .body("error", equalTo("Origin http://evil.example may not call this API from a browser"))
                .body("details.allowedOrigins", hasItem("http://app.example"));
        given().header("Origin", "null").header("Access-Control-Request-Method", "GET").when().options("/sanity-probe/x")
                .then().statusCode(403).contentType(ContentType.JSON);
    }

    @Test
    void allowedOriginsAndTheServiceItselfPass() {
        given().header("Origin", "http://app.example").when().get("/sanity-probe/x")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://app.example");
        given().header("Origin", "https://pr-7.preview.example").when().get("/sanity-probe/x").then().statusCode(200);
        given().when().get("/sanity-probe/x").then().statusCode(200);
        int port = io.restassured.RestAssured.port;
        given().header("Origin", "http://localhost:" + port).when().get("/sanity-probe/x").then().statusCode(200);
    }
}
