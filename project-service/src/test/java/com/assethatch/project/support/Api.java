package com.assethatch.project.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/** The HTTP calls tests make over and over, as a user of the API would make them. */
public final class Api {

    private Api() {
    }

    public static String createProject(String id, String name) {
        return given().contentType(ContentType.JSON).body(Map.of("id", id, "name", name))
                .when().post("/api/projects")
                .then().statusCode(201)
                .extract().path("project.id");
    }

    public static String createProject(String id) {
        return createProject(id, "Test project " + id);
    }

    public static ValidatableResponse patchQualities(String projectId, String jsonBody) {
        return given().contentType(ContentType.JSON).body(jsonBody)
                .when().patch("/api/projects/{id}/qualities", projectId)
                .then();
    }

    /** The body the original frontend's approveAsset sends to POST /api/generated-assets. */
    public static Map<String, Object> originalApprovalBody(String id, String projectId, String assetId, byte[] image) {
        return Map.of("id", id, "projectId", projectId, "assetId", assetId,
                "imageBlob", TestImages.base64(image), "promptUsed", "pixel art farmer, side view",
                "seed", 1234, "metadata", Map.of("model", "black-forest-labs/flux.2-pro", "cost", 0.04, "duration_ms", 5100),
                "status", "approved");
    }

    public static ValidatableResponse uploadAsset(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/generated-assets").then();
    }

    public static ValidatableResponse getQualities(String projectId) {
        return given().when().get("/api/projects/{id}/qualities", projectId).then();
    }
}
