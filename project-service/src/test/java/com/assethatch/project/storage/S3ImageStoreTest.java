package com.assethatch.project.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.common.imagestore.ImageStore;
import com.assethatch.common.imagestore.S3Objects;
import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Image bytes in a real S3 store (Ceph radosgw): rows keep the key, the API behaves as with Postgres. */
@QuarkusTest
@TestProfile(S3StoreProfile.class)
class S3ImageStoreTest {

    @Inject
    ImageStore store;

    @Inject
    S3Objects objects;

    @Inject
    ImageSweeper sweeper;

    @Inject
    ImageMigration migration;

    @Test
    void anUploadPutsTheBytesInTheStoreAndTheRowKeepsOnlyTheKey() throws Exception {
        String project = Api.createProject(TestIds.projectId());
        byte[] png = TestImages.png(24, 16);
        String sha = TestImages.sha256(png);
        Api.uploadAsset(Api.originalApprovalBody(project + "-a", project, project + "-asset-0", png)).statusCode(200)
                .body("asset.sha256", equalTo(sha));

        Map<String, Object> row = Rows.first("SELECT image, image_key, byte_size, media_type, sha256 FROM generated_asset "
                + "WHERE id = ?", project + "-a");
        assertThat(row.get("image")).as("no bytes in Postgres").isNull();
        assertThat(row).containsEntry("image_key", "images/sha256/" + sha).containsEntry("byte_size", png.length)
                .containsEntry("media_type", "image/png").containsEntry("sha256", sha);
        try (InputStream object = store.open("images/sha256/" + sha)) {
            assertThat(object.readAllBytes()).isEqualTo(png);
        }

        byte[] served = given().when().get("/api/generated-assets/{id}/image", project + "-a")
                .then().statusCode(200).contentType("image/png").header("ETag", "\"" + sha + "\"")
                .header("Content-Length", String.valueOf(png.length))
                .extract().asByteArray();
        assertThat(served).isEqualTo(png);
        given().header("If-None-Match", "\"" + sha + "\"").when().get("/api/generated-assets/{id}/image", project + "-a")
                .then().statusCode(304);
    }

    @Test
    void theSameBytesUploadedAgainAreOneObjectWrittenOnce() throws Exception {
        String project = Api.createProject(TestIds.projectId());
        byte[] png = TestImages.png(12, 12);
        String key = "images/sha256/" + TestImages.sha256(png);
        Api.uploadAsset(Api.originalApprovalBody(project + "-1", project, project + "-asset-0", png)).statusCode(200);
        Instant written = objects.head(key).orElseThrow().lastModified();
        Thread.sleep(1100); // S3 times have a resolution of one second

        Api.uploadAsset(Api.originalApprovalBody(project + "-2", project, project + "-asset-1", png)).statusCode(200);

        assertThat(objects.head(key).orElseThrow().lastModified()).as("not written again").isEqualTo(written);
        assertThat(Rows.first("SELECT count(*) AS n FROM generated_asset WHERE image_key = ?", key)).containsEntry("n", 2L);
    }

    @Test
    void theStyleAnchorIsStoredAndServedTheSameWay() throws Exception {
        String project = Api.createProject(TestIds.projectId());
        byte[] png = TestImages.png(20, 20);
        String sha = TestImages.sha256(png);
        given().contentType(ContentType.JSON).body(Map.of("referenceImage", TestImages.base64(png), "styleKeywords", "pixel"))
                .when().put("/api/projects/{id}/style-anchor", project).then().statusCode(200);

        assertThat(Rows.first("SELECT image, image_key FROM style_anchor WHERE project_id = ?", project))
                .containsEntry("image", null).containsEntry("image_key", "images/sha256/" + sha);
        byte[] served = given().when().get("/api/projects/{id}/style-anchor/image", project)
                .then().statusCode(200).header("ETag", "\"" + sha + "\"").extract().asByteArray();
        assertThat(served).isEqualTo(png);
    }

    @Test
    void anUploadWhoseRowCannotCommitLeavesNoRowAndItsObjectIsSweptAfterTheGracePeriod() throws Exception {
        byte[] png = TestImages.png(9, 7);
        String key = "images/sha256/" + TestImages.sha256(png);
        String missingProject = TestIds.projectId();

        // The object is put first; the row's statement then finds no project and commits nothing.
        Api.uploadAsset(Api.originalApprovalBody(missingProject + "-x", missingProject, missingProject + "-asset-0", png))
                .statusCode(404);
        assertThat(Rows.first("SELECT id FROM generated_asset WHERE id = ?", missingProject + "-x")).isEmpty();
        assertThat(objects.head(key)).as("put before the commit").isPresent();

        sweeper.deleteUnreferencedObjectsBefore(Instant.now().minusSeconds(3600));
        assertThat(objects.head(key)).as("younger than the grace period: kept").isPresent();

        sweeper.deleteUnreferencedObjectsBefore(Instant.now().plusSeconds(5));
        assertThat(objects.head(key)).as("older than the grace period and unreferenced: swept").isEmpty();
    }

    @Test
    void aDeletedAssetsObjectIsSweptWhileObjectsStillReferencedStay() throws Exception {
        String project = Api.createProject(TestIds.projectId());
        byte[] kept = TestImages.png(10, 11);
        byte[] dropped = TestImages.png(11, 10);
        Api.uploadAsset(Api.originalApprovalBody(project + "-kept", project, project + "-asset-0", kept)).statusCode(200);
        Api.uploadAsset(Api.originalApprovalBody(project + "-gone", project, project + "-asset-1", dropped)).statusCode(200);
        given().when().delete("/api/generated-assets/{id}", project + "-gone").then().statusCode(200);
        // A crash between an object put and its row commit leaves exactly this: an object and no row.
        byte[] orphan = TestImages.png(13, 13);
        String orphanKey = store.put(orphan, TestImages.sha256(orphan), "image/png").orElseThrow();

        int deleted = sweeper.deleteUnreferencedObjectsBefore(Instant.now().plusSeconds(5));

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(objects.head(orphanKey)).isEmpty();
        assertThat(objects.head("images/sha256/" + TestImages.sha256(dropped))).isEmpty();
        assertThat(given().when().get("/api/generated-assets/{id}/image", project + "-kept")
                .then().statusCode(200).extract().asByteArray()).isEqualTo(kept);
    }

    @Test
    void rejectedAssetsAreDeletedAfterTheRetentionAndTheirObjectsFollow() throws Exception {
        String project = Api.createProject(TestIds.projectId());
        byte[] png = TestImages.png(14, 9);
        Map<String, Object> body = new HashMap<>(Api.originalApprovalBody(project + "-r", project, project + "-asset-0", png));
        body.put("status", "rejected");
        Api.uploadAsset(body).statusCode(200);

        sweeper.deleteRejectedBefore(Instant.now().minusSeconds(60));
        given().when().get("/api/generated-assets/{id}", project + "-r").then().statusCode(200);

        sweeper.deleteRejectedBefore(Instant.now().plusSeconds(5));
        given().when().get("/api/generated-assets/{id}", project + "-r").then().statusCode(404);
        sweeper.deleteUnreferencedObjectsBefore(Instant.now().plusSeconds(5));
        assertThat(objects.head("images/sha256/" + TestImages.sha256(png))).isEmpty();
    }

    @Test
    void theMigrationMovesRowBytesIntoTheStoreVerifiedResumablyAndLeavesBadRowsAlone() throws Exception {
        String project = Api.createProject(TestIds.projectId());
        byte[] first = TestImages.png(15, 15);
        byte[] second = TestImages.png(16, 15);
        byte[] corrupt = TestImages.png(17, 15);
        insertRowWithBytes(project + "-m1", project, first, TestImages.sha256(first));
        insertRowWithBytes(project + "-m2", project, second, TestImages.sha256(second));
        insertRowWithBytes(project + "-m3", project, corrupt, "0".repeat(64)); // bytes that do not match their sha256

        ImageMigration.Result stopped = migration.run(1); // as if stopped after one row
        assertThat(stopped.moved()).isEqualTo(1);
        ImageMigration.Result rest = migration.run(Integer.MAX_VALUE);
        ImageMigration.Result again = migration.run(Integer.MAX_VALUE);

        assertThat(rest.moved()).isEqualTo(1);
        assertThat(rest.failed()).isEqualTo(1);
        assertThat(again.moved()).as("nothing left to move").isZero();
        for (String id : new String[] {project + "-m1", project + "-m2"}) {
            assertThat(Rows.first("SELECT image, image_key FROM generated_asset WHERE id = ?", id))
                    .containsEntry("image", null).extractingByKey("image_key").isNotNull();
        }
        assertThat(Rows.first("SELECT image_key FROM generated_asset WHERE id = ?", project + "-m3"))
                .containsEntry("image_key", null);
        assertThat(given().when().get("/api/generated-assets/{id}/image", project + "-m2")
                .then().statusCode(200).extract().asByteArray()).isEqualTo(second);
        Rows.update("DELETE FROM generated_asset WHERE id = ?", project + "-m3"); // later runs must not count it
    }

    @Test
    void aRowNamingAMissingObjectIsA404NotAHang() throws Exception {
        String project = Api.createProject(TestIds.projectId());
        Rows.update("""
                INSERT INTO generated_asset (id, project_id, asset_id, status, image_key, media_type, byte_size, sha256)
                VALUES (?, ?, ?, 'approved', ?, 'image/png', 10, ?)""", project + "-lost", project, project + "-asset-0",
                "images/sha256/" + "f".repeat(64), "f".repeat(64));
        given().when().get("/api/generated-assets/{id}/image", project + "-lost")
                .then().statusCode(404).contentType(ContentType.JSON).body("error", equalTo("Image bytes not found"));
    }

    private static void insertRowWithBytes(String id, String project, byte[] image, String sha256) throws Exception {
        Rows.update("""
                INSERT INTO generated_asset (id, project_id, asset_id, status, image, media_type, byte_size, sha256)
                VALUES (?, ?, ?, 'approved', ?, 'image/png', ?, ?)""", id, project, id + "-asset", image, image.length, sha256);
    }
}
