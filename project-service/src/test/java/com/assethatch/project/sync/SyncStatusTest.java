package com.assethatch.project.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.Stores;
import com.assethatch.project.support.TestIds;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SyncStatusTest {

    @Inject
    Stores stores;

    @Test
    void aProjectWhoseChangesAreAllCachedIsInSync() {
        String projectId = Api.createProject(TestIds.projectId());
        int version = Api.patchQualities(projectId, "{\"mood\": \"calm\"}").statusCode(200).extract().path("version");
        given().when().get("/api/projects/{id}/sync-status", projectId)
                .then().statusCode(200)
                .body("state", equalTo("in-sync"))
                .body("redis", equalTo("up"))
                .body("pendingRepairs", equalTo(0))
                .body("projectVersion", equalTo(version))
                .body("latestVersion", equalTo(version))
                .body("lastWriteAt", notNullValue());
        int fileVersion = given().contentType("application/json")
                .body(java.util.Map.of("type", "entities.json", "content", "# Plan"))
                .when().post("/api/projects/{id}/memory-files", projectId).then().statusCode(200)
                .extract().path("file.version");
        given().when().get("/api/projects/{id}/sync-status", projectId)
                .then().statusCode(200)
                .body("projectVersion", equalTo(version))
                .body("latestVersion", equalTo(fileVersion));
    }

    @Test
    void anOwedRepairShowsAsRepairing() {
        String projectId = Api.createProject(TestIds.projectId());
        // A repair that the relay will not take for a while, as after a failed write-through: it owes a version newer
        // than the one the create wrote through (whose own settlement may still be on its way and must not take it).
        stores.execute("INSERT INTO cache_outbox (entity_type, entity_id, project_id, version, next_attempt_at, last_error) "
                + "VALUES ('project', ?, ?, nextval('row_version_seq'), now() + interval '1 hour', 'Connection refused')",
                projectId, projectId);
        given().when().get("/api/projects/{id}/sync-status", projectId)
                .then().statusCode(200)
                .body("state", equalTo("repairing"))
                .body("pendingRepairs", equalTo(1))
                .body("lastRepairError", equalTo("Connection refused"))
                .body("oldestPendingSince", notNullValue());
        stores.execute("DELETE FROM cache_outbox WHERE project_id = ?", projectId);
    }

    @Test
    void anUnknownProjectIs404() {
        given().when().get("/api/projects/{id}/sync-status", "no-such-project")
                .then().statusCode(404).body("error", equalTo("Project not found"));
    }
}
