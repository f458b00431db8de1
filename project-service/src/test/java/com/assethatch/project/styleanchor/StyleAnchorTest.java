package com.assethatch.project.styleanchor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StyleAnchorTest {

    @Test
    void theAnchorIsStoredWithItsKeywordsPaletteAndRealImage() {
        String projectId = Api.createProject(TestIds.projectId());
        byte[] png = TestImages.png(16, 16);
        put(projectId, body(png)).statusCode(200)
                .body("mediaType", equalTo("image/png"))
                .body("width", equalTo(16))
                .body("colorPalette", contains("#2E7D32", "#fa0"))
                .body("styleKeywords", equalTo("pixel art, chunky outlines"));

        given().when().get("/api/projects/{id}/style-anchor", projectId)
                .then().statusCode(200).body("model", equalTo("flux.2-pro"))
                .body("imageUrl", equalTo("/api/projects/" + projectId + "/style-anchor/image"));
        byte[] image = given().when().get("/api/projects/{id}/style-anchor/image", projectId)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(image).isEqualTo(png);
    }

    @Test
    void aNewAnchorReplacesTheOldOne() {
        String projectId = Api.createProject(TestIds.projectId());
        put(projectId, body(TestImages.png(4, 4))).statusCode(200);
        byte[] jpeg = TestImages.jpeg(8, 8);
        put(projectId, body(jpeg)).statusCode(200).body("mediaType", equalTo("image/jpeg"));
        given().when().get("/api/projects/{id}/style-anchor", projectId)
                .then().statusCode(200).body("sha256", equalTo(TestImages.sha256(jpeg)));
    }

    @Test
    void invalidAnchorsAreRejected() {
        String projectId = Api.createProject(TestIds.projectId());
        Map<String, Object> badColour = body(TestImages.png(4, 4));
        badColour.put("colorPalette", List.of("green"));
        put(projectId, badColour).statusCode(400).body("error", containsString("hex colours"));

        Map<String, Object> notAnImage = body("GIF89a...".getBytes(StandardCharsets.US_ASCII));
        put(projectId, notAnImage).statusCode(415);

        Map<String, Object> noImage = body(TestImages.png(4, 4));
        noImage.remove("referenceImage");
        put(projectId, noImage).statusCode(400).body("error", equalTo("referenceImage is required"));

        put("no-such-project", body(TestImages.png(4, 4))).statusCode(404).body("error", equalTo("Project not found"));
        given().when().get("/api/projects/{id}/style-anchor", projectId)
                .then().statusCode(404).body("error", equalTo("Style anchor not found"));
    }

    private static io.restassured.response.ValidatableResponse put(String projectId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().put("/api/projects/{id}/style-anchor", projectId).then();
    }

    private static Map<String, Object> body(byte[] image) {
        return new HashMap<>(Map.of("referenceImage", TestImages.base64(image),
                "styleKeywords", "pixel art, chunky outlines", "lightingKeywords", "soft, warm",
                "colorPalette", List.of("#2E7D32", "#fa0"), "model", "flux.2-pro"));
    }
}
