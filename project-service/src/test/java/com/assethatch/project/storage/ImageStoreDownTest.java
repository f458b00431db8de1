package com.assethatch.project.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The image store is slow (it accepts connections and never answers): uploads and image reads answer 503 in the
 * error shape after the configured timeout, then at once while the circuit breaker is open; routes that move no
 * image bytes keep working. The store is the test's own silent socket, not a real one it would have to kill.
 */
@QuarkusTest
@TestProfile(ImageStoreDownTest.SilentStore.class)
class ImageStoreDownTest {

    public static class SilentStore implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SilentObjectStore.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("asset-hatch.images.store", "s3");
            config.put("asset-hatch.images.s3.path-style", "true");
            config.put("asset-hatch.images.s3.access-key-id", "test");
            config.put("asset-hatch.images.s3.secret-access-key", "test");
            config.put("asset-hatch.images.s3.socket-timeout", "PT1S");
            config.put("asset-hatch.images.s3.call-timeout", "PT2S");
            config.put("asset-hatch.images.s3.max-attempts", "1");
            config.put("asset-hatch.images.sweep.enabled", "false");
            String breaker = "quarkus.fault-tolerance.\"com.assethatch.common.imagestore.ImageStoreBreaker\".circuit-breaker.";
            config.put(breaker + "request-volume-threshold", "3");
            config.put(breaker + "delay", "60");
            return config;
        }
    }

    @Test
    void uploadsAndImageReadsAre503sMetadataKeepsWorkingAndTheBreakerAnswersAtOnce() throws Exception {
        String project = Api.createProject(TestIds.projectId());
        Rows.update("""
                INSERT INTO generated_asset (id, project_id, asset_id, status, image_key, media_type, byte_size, sha256)
                VALUES (?, ?, ?, 'approved', ?, 'image/png', 10, ?)""", project + "-stored", project, project + "-asset-0",
                "images/sha256/" + "e".repeat(64), "e".repeat(64));

        long started = System.nanoTime();
        Api.uploadAsset(Api.originalApprovalBody(project + "-new", project, project + "-asset-1", TestImages.png(8, 8)))
                .statusCode(503).contentType(ContentType.JSON)
                .body("error", equalTo("Image store unavailable; try again shortly"));
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(firstMillis).as("bounded by the timeouts").isBetween(900L, 8_000L);
        given().when().get("/api/generated-assets/{id}/image", project + "-stored")
                .then().statusCode(503).body("error", equalTo("Image store unavailable; try again shortly"));
        given().contentType(ContentType.JSON).body(Map.of("referenceImage", TestImages.base64(TestImages.png(8, 8))))
                .when().put("/api/projects/{id}/style-anchor", project).then().statusCode(503);

        // Three failures opened the breaker: the next call does not wait for the store at all.
        started = System.nanoTime();
        Api.uploadAsset(Api.originalApprovalBody(project + "-new", project, project + "-asset-1", TestImages.png(8, 8)))
                .statusCode(503).body("details.cause", equalTo("circuit breaker open after repeated failures"));
        assertThat((System.nanoTime() - started) / 1_000_000).as("fails fast while open").isLessThan(800L);

        // Everything that moves no image bytes is unaffected.
        given().when().get("/api/projects/{id}", project).then().statusCode(200);
        given().when().get("/api/generated-assets/{id}", project + "-stored").then().statusCode(200)
                .body("sha256", equalTo("e".repeat(64)));
        given().when().get("/api/projects/{id}/generated-assets", project).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("status", "rejected"))
                .when().patch("/api/generated-assets/{id}", project + "-stored").then().statusCode(200);
        assertThat(Rows.first("SELECT id FROM generated_asset WHERE id = ?", project + "-new")).as("no row without bytes")
                .isEmpty();
    }
}
