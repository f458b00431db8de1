package com.assethatch.project.assets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssetUploadValidationTest {

    private static final int LIMIT_BYTES = 10 * 1024 * 1024;

    private String projectId;

    @BeforeEach
    void createProject() {
        projectId = Api.createProject(TestIds.projectId());
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        Map<String, Object> body = validBody();
        body.remove("assetId");
        body.remove("imageBlob");
        Api.uploadAsset(body).statusCode(400)
                .body("error", equalTo("Missing required fields"))
                .body("details.field", hasItem("assetId"))
                .body("details.field", hasItem("imageBlob"));
    }

    @Test
    void invalidBase64IsRejected() {
        Api.uploadAsset(with("imageBlob", "not base64 at all!")).statusCode(400)
                .body("error", containsString("imageBlob is not valid base64"));
    }

    @Test
    void aTextFilePosingAsAnImageIsRejected() {
        String text = Base64.getEncoder().encodeToString("just some text, not a PNG".getBytes(StandardCharsets.UTF_8));
        Api.uploadAsset(with("imageBlob", text)).statusCode(415)
                .body("error", equalTo("imageBlob is not a PNG, JPEG or WebP image"))
                .body("details.accepted", hasItem("image/webp"));
    }

    @Test
    void anOversizedImageIsRejected() {
        byte[] png = TestImages.png(2, 2);
        byte[] huge = Arrays.copyOf(png, LIMIT_BYTES + 1);
        Api.uploadAsset(with("imageBlob", TestImages.base64(huge))).statusCode(413)
                .body("error", containsString("the limit is 10.0 MB"));
    }

    @Test
    void anUnknownStatusIsRejected() {
        Api.uploadAsset(with("status", "pending")).statusCode(400)
                .body("error", equalTo(AssetStatus.RULE));
    }

    @Test
    void metadataMustBeAnObject() {
        Api.uploadAsset(with("metadata", new int[] {1, 2})).statusCode(400)
                .body("error", equalTo("metadata must be a JSON object"));
        Api.uploadAsset(with("metadata", "model=flux")).statusCode(400)
                .body("error", equalTo("metadata must be a JSON object"));
    }

    @Test
    void seedMustBeAnInteger() {
        Api.uploadAsset(with("seed", "42")).statusCode(400).body("error", equalTo("Field 'seed' must be a number"));
        Api.uploadAsset(with("seed", 4.2)).statusCode(400).body("error", containsString("seed"));
    }

    @Test
    void anUnknownProjectIs404() {
        Api.uploadAsset(with("projectId", "no-such-project")).statusCode(404).body("error", equalTo("Project not found"));
    }

    @Test
    void anIdOwnedByAnotherPlanAssetIsAConflictAndChangesNothing() {
        Map<String, Object> body = validBody();
        Api.uploadAsset(body).statusCode(200);
        Map<String, Object> other = new HashMap<>(body);
        other.put("assetId", projectId + "-asset-99");
        Api.uploadAsset(other).statusCode(409)
                .body("error", containsString("already exists for project " + projectId))
                .body("details.assetId", equalTo(projectId + "-asset-0"));
        given().when().get("/api/generated-assets/{id}", body.get("id"))
                .then().statusCode(200).body("assetId", equalTo(projectId + "-asset-0"));
    }

    @Test
    void sendingTheSameUploadAgainChangesNothing() {
        Map<String, Object> body = validBody();
        int version = Api.uploadAsset(body).statusCode(200).extract().path("asset.version");
        Api.uploadAsset(body).statusCode(200).body("asset.version", equalTo(version));
    }

    @Test
    void malformedJsonIsA400InTheErrorShape() {
        given().contentType(ContentType.JSON).body("{\"id\": ").when().post("/api/generated-assets")
                .then().statusCode(400).body("error", containsString("Malformed JSON"));
    }

    @Test
    void theMultipartPathAppliesTheSameRules() {
        given().multiPart("id", UUID.randomUUID().toString()).multiPart("projectId", projectId)
                .multiPart("assetId", projectId + "-asset-0")
                .multiPart("image", "notes.txt", "plain text".getBytes(StandardCharsets.UTF_8), "image/png")
                .when().post("/api/generated-assets")
                .then().statusCode(415).body("error", equalTo("image is not a PNG, JPEG or WebP image"));
        given().multiPart("id", UUID.randomUUID().toString()).multiPart("projectId", projectId)
                .multiPart("image", "a.png", TestImages.png(2, 2), "image/png")
                .when().post("/api/generated-assets")
                .then().statusCode(400).body("error", equalTo("Missing required fields"));
        given().multiPart("id", UUID.randomUUID().toString()).multiPart("projectId", projectId)
                .multiPart("assetId", projectId + "-asset-0").multiPart("seed", "forty-two")
                .multiPart("image", "a.png", TestImages.png(2, 2), "image/png")
                .when().post("/api/generated-assets")
                .then().statusCode(400).body("error", equalTo("Field 'seed' must be an integer"));
    }

    @Test
    void multipartTextThatCannotBeStoredIsA400NamingTheField() {
        multipartWith("promptUsed", "farmer\u0000idle").statusCode(400)
                .body("error", equalTo("Field 'promptUsed' contains a NUL character (U+0000), which cannot be stored"))
                .body("details.field", equalTo("promptUsed"));
        // UTF-8 cannot carry an unpaired surrogate, but a JSON escape in the metadata field can.
        multipartWith("metadata", "{\"model\": \"\\ud800\"}").statusCode(400)
                .body("error", containsString("Field 'metadata' contains an unpaired UTF-16 surrogate"));
        multipartWith("metadata", "{\"model\": \"flux\\u0000\"}").statusCode(400)
                .body("error", containsString("Field 'metadata' contains a NUL character"));
        given().when().get("/api/projects/{id}/generated-assets", projectId)
                .then().statusCode(200).body("assets.size()", equalTo(0));
    }

    private io.restassured.response.ValidatableResponse multipartWith(String field, String value) {
        return given().config(io.restassured.RestAssured.config().multiPartConfig(
                        io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)))
                .multiPart("id", UUID.randomUUID().toString()).multiPart("projectId", projectId)
                .multiPart("assetId", projectId + "-asset-0")
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(value).controlName(field)
                        .mimeType("text/plain").charset(StandardCharsets.UTF_8).build())
                .multiPart("image", "a.png", TestImages.png(2, 2), "image/png")
                .when().post("/api/generated-assets").then();
    }

    private Map<String, Object> validBody() {
        return new HashMap<>(Map.of("id", UUID.randomUUID().toString(), "projectId", projectId,
                "assetId", projectId + "-asset-0", "imageBlob", TestImages.base64(TestImages.png(8, 8))));
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = validBody();
        body.put(field, value);
        return body;
    }
}
