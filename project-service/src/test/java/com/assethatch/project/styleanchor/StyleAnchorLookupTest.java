package com.assethatch.project.styleanchor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.assethatch.common.auth.testing.TestUsers;
import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/style-anchor?id=: the original app's newest client reads the anchor by its id, image inline. */
@QuarkusTest
class StyleAnchorLookupTest {

    @Test
    void theAnchorHasAStableIdAndIsFoundByItWithTheImageAsADataUrl() {
        String projectId = Api.createProject(TestIds.projectId());
        byte[] png = TestImages.png(24, 24);
        String anchorId = put(projectId, png, "pixel art").statusCode(200)
                .body("id", matchesPattern("[0-9a-f-]{36}")).extract().path("id");
        given().when().get("/api/projects/{id}/style-anchor", projectId)
                .then().statusCode(200).body("id", equalTo(anchorId));

        byte[] jpeg = TestImages.jpeg(8, 8);
        put(projectId, jpeg, "painterly").statusCode(200).body("id", equalTo(anchorId));

        JsonPath anchor = given().queryParam("id", anchorId).when().get("/api/style-anchor")
                .then().statusCode(200)
                .body("id", equalTo(anchorId))
                .body("projectId", equalTo(projectId))
                .body("styleKeywords", equalTo("painterly"))
                .body("lightingKeywords", equalTo("soft, warm"))
                .body("colorPalette", contains("#2E7D32"))
                .body("fluxModel", equalTo("flux.2-pro"))
                .body("mediaType", equalTo("image/jpeg"))
                .extract().jsonPath();
        String dataUrl = anchor.getString("imageUrl");
        assertThat(dataUrl).startsWith("data:image/jpeg;base64,").doesNotContain("\n");
        assertThat(Base64.getDecoder().decode(dataUrl.substring("data:image/jpeg;base64,".length()))).isEqualTo(jpeg);
        assertThat(anchor.getString("createdAt")).isNotBlank();
    }

    @Test
    void theProjectIdFindsTheAnchorToo() {
        String projectId = Api.createProject(TestIds.projectId());
        byte[] png = TestImages.png(4, 4);
        String anchorId = put(projectId, png, "flat").statusCode(200).extract().path("id");
        given().queryParam("id", projectId).when().get("/api/style-anchor")
                .then().statusCode(200).body("id", equalTo(anchorId))
                .body("imageUrl", equalTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png)));
    }

    @Test
    void aMissingIdIs400AndAnUnknownOneOrAProjectWithoutAnchor404() {
        given().when().get("/api/style-anchor")
                .then().statusCode(400).contentType(ContentType.JSON).body("error", equalTo("Style anchor ID is required"));
        given().queryParam("id", "").when().get("/api/style-anchor")
                .then().statusCode(400).body("error", equalTo("Style anchor ID is required"));
        given().queryParam("id", "no-such-anchor").when().get("/api/style-anchor")
                .then().statusCode(404).contentType(ContentType.JSON).body("error", equalTo("Style anchor not found"));
        String bare = Api.createProject(TestIds.projectId());
        given().queryParam("id", bare).when().get("/api/style-anchor")
                .then().statusCode(404).body("error", equalTo("Style anchor not found"));
    }

    @Test
    void anotherUsersAnchorIsNotFoundByEitherIdAndACallerWithoutCredentialsIs401() {
        String projectId = Api.createProject(TestIds.projectId());
        String anchorId = put(projectId, TestImages.png(4, 4), "mine").statusCode(200).extract().path("id");
        for (String id : List.of(anchorId, projectId)) {
            given().spec(TestUsers.as(TestUsers.OTHER_USER)).queryParam("id", id).when().get("/api/style-anchor")
                    .then().statusCode(404).body("error", equalTo("Style anchor not found"));
        }
        given().spec(TestUsers.anonymous()).queryParam("id", anchorId).when().get("/api/style-anchor")
                .then().statusCode(401).contentType(ContentType.JSON);
        given().queryParam("id", anchorId).when().get("/api/style-anchor").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse put(String projectId, byte[] image, String keywords) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("referenceImage", TestImages.base64(image), "styleKeywords", keywords,
                        "lightingKeywords", "soft, warm", "colorPalette", List.of("#2E7D32"), "model", "flux.2-pro"))
                .when().put("/api/projects/{id}/style-anchor", projectId).then();
    }
}
