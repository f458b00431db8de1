package com.assethatch.project.memoryfiles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.Stores;
import com.assethatch.project.support.TestIds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemoryFilesTest {

    private static final String PLAN = "# Asset Plan\n## Characters\n- Farmer\n  - Idle (4-direction)\n";

    @Inject
    Stores stores;

    @Test
    void concurrentFirstSavesOfOneFileAllSucceed() throws Exception {
        // Found by the malformed-input corpus: two first saves racing failed one of them with 500 (23505).
        for (int round = 0; round < 5; round++) {
            String projectId = Api.createProject(TestIds.projectId());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                java.util.List<java.util.concurrent.Future<Integer>> saves = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String content = "# Plan " + i;
                    saves.add(pool.submit(() -> save(projectId, "entities.json", content).extract().statusCode()));
                }
                for (java.util.concurrent.Future<Integer> save : saves) {
                    org.assertj.core.api.Assertions.assertThat(save.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theMarkdownPlanIsStoredAsIsAndListedWithTheOriginalShape() {
        String projectId = Api.createProject(TestIds.projectId());
        save(projectId, "entities.json", PLAN).statusCode(200)
                .body("success", equalTo(true))
                .body("file.id", equalTo(projectId + "-entities.json"))
                .body("file.type", equalTo("entities.json"))
                .body("file.content", equalTo(PLAN));
        save(projectId, "conversation.json", "[]").statusCode(200);

        given().when().get("/api/projects/{id}/memory-files?type=entities.json", projectId)
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("files", hasSize(1))
                .body("files[0].content", equalTo(PLAN));
        given().when().get("/api/projects/{id}/memory-files", projectId)
                .then().statusCode(200).body("files", hasSize(2));
        given().when().get("/api/projects/{id}", projectId)
                .then().statusCode(200).body("project.memoryFiles", hasSize(2));
    }

    @Test
    void savingATypeAgainReplacesItAndAnIdenticalSaveChangesNothing() {
        String projectId = Api.createProject(TestIds.projectId());
        int first = save(projectId, "entities.json", PLAN).extract().path("file.version");
        save(projectId, "entities.json", PLAN).statusCode(200).body("file.version", equalTo(first));
        save(projectId, "entities.json", PLAN + "- Crow\n").statusCode(200)
                .body("file.content", containsString("Crow"));

        stores.flushRedis();
        given().when().get("/api/projects/{id}/memory-files", projectId)
                .then().statusCode(200).body("files", hasSize(1)).body("files[0].content", containsString("Crow"));
    }

    @Test
    void invalidInputGetsTheOriginalMessagesAndAnErrorStatus() {
        String projectId = Api.createProject(TestIds.projectId());
        save(projectId, "entities.json", "").statusCode(400).body("error", equalTo("Content cannot be empty"));
        save(projectId, "style-draft", "x").statusCode(400).body("error", equalTo(MemoryFileType.RULE));
        save(projectId, "entities.json", "x".repeat(SaveMemoryFileRequest.MAX_CONTENT_LENGTH + 1)).statusCode(400)
                .body("error", equalTo("Content too large (max 10MB)"));
        save("no-such-project", "entities.json", PLAN).statusCode(404).body("error", equalTo("Project not found"));
        given().when().get("/api/projects/{id}/memory-files", "no-such-project")
                .then().statusCode(404).body("error", equalTo("Project not found"));
        given().when().get("/api/projects/{id}/memory-files?type=plan.md", projectId)
                .then().statusCode(400).body("error", equalTo(MemoryFileType.RULE));
    }

    @Test
    void theStyleDraftTypeIsAccepted() {
        String projectId = Api.createProject(TestIds.projectId());
        save(projectId, "style-draft.json", "{\"palette\": []}").statusCode(200);
    }

    private static ValidatableResponse save(String projectId, String type, String content) {
        return given().contentType(ContentType.JSON).body(Map.of("type", type, "content", content))
                .when().post("/api/projects/{id}/memory-files", projectId).then();
    }
}
