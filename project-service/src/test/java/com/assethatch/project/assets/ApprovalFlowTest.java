package com.assethatch.project.assets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.Stores;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bug this project exists for: an approval the export could not find. */
@QuarkusTest
class ApprovalFlowTest {

    @Inject
    Stores stores;

    @Test
    void anAssetApprovedAsTheOriginalFrontendSendsItIsListedFromTheCacheAndFromPostgresWithIdenticalBytes() {
        String projectId = Api.createProject(TestIds.projectId());
        String assetRowId = UUID.randomUUID().toString();
        byte[] image = TestImages.png(32, 32);

        Api.uploadAsset(Api.originalApprovalBody(assetRowId, projectId, projectId + "-asset-0", image))
                .statusCode(200)
                .body("success", equalTo(true))
                .body("id", equalTo(assetRowId));

        // From the cache tier: the index is complete and holds the approved asset.
        listApproved(projectId, assetRowId, image);
        assertThat(stores.rawHash(stores.key("project:" + projectId + ":assets"))).containsKey(assetRowId);

        // With Redis emptied, the same list comes from Postgres.
        stores.flushRedis();
        listApproved(projectId, assetRowId, image);

        byte[] downloaded = given().when().get("/api/generated-assets/{id}/image", assetRowId)
                .then().statusCode(200).contentType("image/png")
                .header("ETag", "\"" + TestImages.sha256(image) + "\"")
                .extract().asByteArray();
        assertThat(TestImages.sha256(downloaded)).isEqualTo(TestImages.sha256(image));
    }

    private static void listApproved(String projectId, String assetRowId, byte[] image) {
        given().when().get("/api/projects/{id}/generated-assets?status=approved", projectId)
                .then().statusCode(200)
                .body("assets", hasSize(1))
                .body("assets[0].id", equalTo(assetRowId))
                .body("assets[0].assetId", equalTo(projectId + "-asset-0"))
                .body("assets[0].status", equalTo("approved"))
                .body("assets[0].seed", equalTo(1234))
                .body("assets[0].metadata.model", equalTo("black-forest-labs/flux.2-pro"))
                .body("assets[0].mediaType", equalTo("image/png"))
                .body("assets[0].width", equalTo(32))
                .body("assets[0].byteSize", equalTo(image.length))
                .body("assets[0].sha256", equalTo(TestImages.sha256(image)));
    }
}
