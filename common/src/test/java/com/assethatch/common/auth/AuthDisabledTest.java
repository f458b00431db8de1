package com.assethatch.common.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** asset-hatch.auth.enabled=false: nothing is checked and every request acts as the configured user. */
@QuarkusTest
@TestProfile(AuthDisabledTest.Disabled.class)
class AuthDisabledTest {

    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asset-hatch.auth.enabled", "false", "asset-hatch.auth.disabled-user", "dev-user");
        }
    }

    @Test
    void everyRequestActsAsTheConfiguredUser() {
        given().get("/api/probe/whoami").then().statusCode(200).body("userId", equalTo("dev-user"));
        given().get("/api/probe/whoami-reactive").then().statusCode(200).body("userId", equalTo("dev-user"));
    }

    @Test
    void credentialsAreNotEvenLookedAt() {
        given().header("Authorization", "Bearer forged").get("/api/probe/whoami").then().statusCode(200)
                .body("userId", equalTo("dev-user"));
        given().header("Cookie", "authjs.session-token=forged").get("/api/probe/whoami").then().statusCode(200)
                .body("userId", equalTo("dev-user"));
    }
}
