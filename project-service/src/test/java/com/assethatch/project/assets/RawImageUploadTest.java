package com.assethatch.project.assets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/generated-assets with the image as the body and the fields in the query. */
@QuarkusTest
class RawImageUploadTest {

    private static final int LIMIT_BYTES = 10 * 1024 * 1024;

    private String projectId;

    @BeforeEach
    void createProject() {
        projectId = Api.createProject(TestIds.projectId());
    }

    @Test
    void theImageIsStoredAndServedBackByteForByte() {
        byte[] webp = TestImages.webp64x48();
        raw("image/webp", webp).queryParam("status", "generated").queryParam("seed", "42")
                .queryParam("promptUsed", "pixel farmer, side view").queryParam("metadata", "{\"model\": \"flux\"}")
                .when().post("/api/generated-assets")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("asset.mediaType", equalTo("image/webp"))
                .body("asset.status", equalTo("generated"))
                .body("asset.seed", equalTo(42))
                .body("asset.metadata.model", equalTo("flux"))
                .body("asset.sha256", equalTo(TestImages.sha256(webp)));
        byte[] served = given().when().get("/api/generated-assets/{id}/image", projectId + "-raw")
                .then().statusCode(200).contentType("image/webp").extract().asByteArray();
        assertThat(served).isEqualTo(webp);
    }

    @Test
    void theSameRulesAsTheOtherUploadsApply() {
        raw("image/png", TestImages.png(2, 2)).queryParam("seed", "not a number")
                .when().post("/api/generated-assets").then().statusCode(400)
                .body("error", equalTo("Field 'seed' must be an integer"));
        given().contentType("image/png").body(TestImages.png(2, 2)).queryParam("id", "x1").queryParam("projectId", projectId)
                .when().post("/api/generated-assets").then().statusCode(400)
                .body("error", equalTo("Missing required fields"));
        raw("image/png", "plain text, not an image".getBytes()).when().post("/api/generated-assets").then().statusCode(415)
                .body("error", containsString("not a PNG, JPEG or WebP image"));
        byte[] png = TestImages.png(2, 2);
        raw("image/png", Arrays.copyOf(png, LIMIT_BYTES + 1)).when().post("/api/generated-assets").then().statusCode(413);
        given().contentType("image/png").body(png).queryParam("id", projectId + "-raw")
                .queryParam("projectId", "no-such-" + TestIds.projectId()).queryParam("assetId", projectId + "-asset-0")
                .when().post("/api/generated-assets").then().statusCode(404);
    }

    private RequestSpecification raw(String contentType, byte[] body) {
        return given().contentType(contentType).body(body)
                .queryParam("id", projectId + "-raw").queryParam("projectId", projectId)
                .queryParam("assetId", projectId + "-asset-0");
    }
}
