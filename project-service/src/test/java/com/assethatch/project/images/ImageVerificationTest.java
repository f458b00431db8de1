package com.assethatch.project.images;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.Stores;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path that takes image bytes (base64 JSON upload, multipart upload, style anchor) stores only images that
 * decode as a whole: no image, a cut-off file or a header with no data is a 415; a header claiming more pixels
 * than asset-hatch.images.max-pixels is a 413 before anything is decoded. Nothing is stored for either.
 */
@QuarkusTest
class ImageVerificationTest {

    /** The bomb: a PNG signature and an IHDR claiming 100000 x 100000, no image data. */
    private static final byte[] BOMB = TestImages.pngHeaderOnly(100_000, 100_000);
    /** A plausible size, but still no image data. */
    private static final byte[] HEADER_ONLY = TestImages.pngHeaderOnly(64, 64);

    @Inject
    Stores stores;

    private String projectId;

    @BeforeEach
    void createProject() {
        projectId = Api.createProject(TestIds.projectId());
    }

    @Test
    void aDecompressionBombIs413OnEveryPathAndNothingIsStored() {
        viaBase64(BOMB).statusCode(413)
                .body("error", equalTo("imageBlob is 100000 x 100000 pixels (10000.0 megapixels); the limit is 64.0 megapixels"))
                .body("details.maxPixels", equalTo(64_000_000));
        viaMultipart(BOMB).statusCode(413).body("error", startsWith("image is 100000 x 100000 pixels"));
        viaStyleAnchor(BOMB).statusCode(413).body("error", startsWith("referenceImage is 100000 x 100000 pixels"));
        assertNothingStored();
    }

    @Test
    void aHeaderWithNoImageDataIs415OnEveryPath() {
        viaBase64(HEADER_ONLY).statusCode(415).body("error", startsWith("imageBlob is not a valid PNG image"))
                .body("details.accepted", hasItem("image/png"));
        viaMultipart(HEADER_ONLY).statusCode(415).body("error", startsWith("image is not a valid PNG image"));
        viaStyleAnchor(HEADER_ONLY).statusCode(415).body("error", startsWith("referenceImage is not a valid PNG image"));
        assertNothingStored();
    }

    @Test
    void truncatedPngJpegAndWebpAre415() {
        for (byte[] whole : new byte[][] {TestImages.png(32, 32), TestImages.jpeg(32, 32), TestImages.webp64x48()}) {
            byte[] truncated = Arrays.copyOf(whole, whole.length * 2 / 3);
            viaBase64(truncated).statusCode(415).body("error", containsString("is not a valid"));
            viaMultipart(truncated).statusCode(415).body("error", containsString("is not a valid"));
            viaStyleAnchor(truncated).statusCode(415).body("error", containsString("is not a valid"));
        }
        assertNothingStored();
    }

    @Test
    void aDataUrlThatClaimsAnotherMediaTypeIsJudgedByItsBytes() {
        String pngAsGif = "data:image/gif;base64," + TestImages.base64(TestImages.png(5, 3));
        Api.uploadAsset(body(pngAsGif)).statusCode(200).body("asset.mediaType", equalTo("image/png"));
        String textAsPng = "data:image/png;base64," + TestImages.base64("hello".getBytes(StandardCharsets.US_ASCII));
        Api.uploadAsset(body(textAsPng)).statusCode(415).body("error", equalTo("imageBlob is not a PNG, JPEG or WebP image"));
    }

    @Test
    void storedWidthAndHeightAreTheDecodedImages() {
        viaBase64(TestImages.png(40, 30)).statusCode(200).body("asset.width", equalTo(40)).body("asset.height", equalTo(30));
        viaMultipart(TestImages.jpeg(33, 17)).statusCode(200).body("asset.width", equalTo(33)).body("asset.height", equalTo(17));
        viaStyleAnchor(TestImages.webp64x48()).statusCode(200).body("width", equalTo(64)).body("height", equalTo(48));
    }

    private void assertNothingStored() {
        assertThat(stores.queryOne("SELECT count(*) AS n FROM generated_asset WHERE project_id = ?", projectId))
                .containsEntry("n", 0L);
        assertThat(stores.queryOne("SELECT count(*) AS n FROM style_anchor WHERE project_id = ?", projectId))
                .containsEntry("n", 0L);
    }

    private ValidatableResponse viaBase64(byte[] image) {
        return Api.uploadAsset(body(TestImages.base64(image)));
    }

    private ValidatableResponse viaMultipart(byte[] image) {
        return given().multiPart("id", UUID.randomUUID().toString()).multiPart("projectId", projectId)
                .multiPart("assetId", projectId + "-asset-0")
                .multiPart("image", "picture.png", image, "image/png")
                .when().post("/api/generated-assets").then();
    }

    private ValidatableResponse viaStyleAnchor(byte[] image) {
        return given().contentType(ContentType.JSON).body(Map.of("referenceImage", TestImages.base64(image)))
                .when().put("/api/projects/{id}/style-anchor", projectId).then();
    }

    private Map<String, Object> body(String imageBlob) {
        return Map.of("id", UUID.randomUUID().toString(), "projectId", projectId, "assetId", projectId + "-asset-0",
                "imageBlob", imageBlob);
    }
}
