package com.assethatch.project.assets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.Stores;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssetLifecycleTest {

    @Inject
    Stores stores;

    @Test
    void aMultipartUploadStoresTheRealTypeAndSizeOfAJpeg() {
        String projectId = Api.createProject(TestIds.projectId());
        String id = UUID.randomUUID().toString();
        byte[] jpeg = TestImages.jpeg(24, 16);

        given().multiPart("id", id).multiPart("projectId", projectId).multiPart("assetId", projectId + "-asset-3")
                .multiPart("status", "generated").multiPart("seed", "99").multiPart("metadata", "{\"model\": \"flux\"}")
                .multiPart("image", "looks-like.png", jpeg, "image/png")
                .when().post("/api/generated-assets")
                .then().statusCode(200)
                .body("asset.mediaType", equalTo("image/jpeg"))
                .body("asset.width", equalTo(24))
                .body("asset.height", equalTo(16))
                .body("asset.seed", equalTo(99))
                .body("asset.metadata.model", equalTo("flux"));

        byte[] downloaded = given().when().get("/api/generated-assets/{id}/image", id)
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(downloaded).isEqualTo(jpeg);
    }

    @Test
    void approveAndRejectReachTheServerWithVersionChecks() {
        String projectId = Api.createProject(TestIds.projectId());
        String id = upload(projectId, "generated");

        int approved = given().contentType(ContentType.JSON).body(Map.of("status", "approved"))
                .when().patch("/api/generated-assets/{id}", id)
                .then().statusCode(200).body("status", equalTo("approved"))
                .extract().path("version");
        given().contentType(ContentType.JSON).header("If-Match", "\"" + (approved - 1) + "\"")
                .body(Map.of("status", "rejected"))
                .when().patch("/api/generated-assets/{id}", id)
                .then().statusCode(412).body("details.currentVersion", equalTo(approved));
        given().contentType(ContentType.JSON).header("If-Match", "\"v0\"")
                .body(Map.of("status", "rejected"))
                .when().patch("/api/generated-assets/{id}", id)
                .then().statusCode(412).body("details.currentVersion", equalTo(approved));
        given().contentType("text/plain").body(new byte[0])
                .when().patch("/api/generated-assets/{id}", id)
                .then().statusCode(415).contentType(ContentType.JSON).body("error", containsString("Content-Type"));
        given().contentType(ContentType.JSON).header("If-Match", "v0")
                .body(Map.of("status", "rejected"))
                .when().patch("/api/generated-assets/{id}", id)
                .then().statusCode(400).body("error", containsString("If-Match must be"));
        given().contentType(ContentType.JSON).body(Map.of("status", "shipped"))
                .when().patch("/api/generated-assets/{id}", id)
                .then().statusCode(400).body("error", equalTo(AssetStatus.RULE));
        given().contentType(ContentType.JSON).body(Map.of("status", "approved"))
                .when().patch("/api/generated-assets/{id}", "missing-asset")
                .then().statusCode(404).body("error", equalTo("Asset not found"));

        given().when().get("/api/projects/{id}/generated-assets?status=approved", projectId)
                .then().statusCode(200).body("assets", hasSize(1));
        given().when().get("/api/projects/{id}/generated-assets?status=generated", projectId)
                .then().statusCode(200).body("assets", hasSize(0));
        given().when().get("/api/projects/{id}/generated-assets?status=lost", projectId)
                .then().statusCode(400);
    }

    @Test
    void theImageETagIsItsSha256AndAnUnchangedImageIsA304() {
        String projectId = Api.createProject(TestIds.projectId());
        byte[] png = TestImages.png(6, 6);
        String id = UUID.randomUUID().toString();
        Api.uploadAsset(Api.originalApprovalBody(id, projectId, projectId + "-asset-0", png)).statusCode(200);
        String etag = "\"" + TestImages.sha256(png) + "\"";

        given().when().get("/api/generated-assets/{id}/image", id).then().statusCode(200).header("ETag", etag);
        given().header("If-None-Match", etag).when().get("/api/generated-assets/{id}/image", id)
                .then().statusCode(304);
        given().when().get("/api/generated-assets/{id}/image", "missing-asset")
                .then().statusCode(404).body("error", equalTo("Asset not found"));
    }

    @Test
    void deletingAnAssetRemovesItFromTheListAndTheCache() {
        String projectId = Api.createProject(TestIds.projectId());
        String id = upload(projectId, "approved");
        given().when().get("/api/projects/{id}/generated-assets", projectId).then().body("assets", hasSize(1));

        given().when().delete("/api/generated-assets/{id}", id).then().statusCode(200).body("success", equalTo(true));

        given().when().get("/api/projects/{id}/generated-assets", projectId).then().body("assets", hasSize(0));
        given().when().get("/api/generated-assets/{id}", id).then().statusCode(404);
        assertThat(stores.cachedEntity(stores.key("asset:" + id))).isEmpty();
        given().when().delete("/api/generated-assets/{id}", id).then().statusCode(404);
    }

    @Test
    void deletingTheProjectDeletesItsAssetsAndTheirCacheEntries() {
        String projectId = Api.createProject(TestIds.projectId());
        String id = upload(projectId, "approved");
        given().when().get("/api/generated-assets/{id}", id).then().statusCode(200);

        given().when().delete("/api/projects/{id}", projectId).then().statusCode(200);

        given().when().get("/api/generated-assets/{id}", id).then().statusCode(404);
        assertThat(stores.cachedEntity(stores.key("asset:" + id))).isEmpty();
        assertThat(stores.queryOne("SELECT count(*) AS n FROM generated_asset WHERE project_id = ?", projectId))
                .containsEntry("n", 0L);
        given().when().get("/api/projects/{id}/generated-assets", projectId).then().statusCode(404);
    }

    private static String upload(String projectId, String status) {
        String id = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(Map.of("id", id, "projectId", projectId,
                        "assetId", projectId + "-asset-0", "imageBlob", TestImages.base64(TestImages.webp64x48()),
                        "status", status))
                .when().post("/api/generated-assets").then().statusCode(200)
                .body("asset.mediaType", equalTo("image/webp"))
                .body("asset.width", equalTo(64));
        return id;
    }
}
