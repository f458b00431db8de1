package com.assethatch.project.projects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.Stores;
import com.assethatch.project.support.TestIds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectResourceTest {

    @Inject
    Stores stores;

    @Test
    void createWithClientIdReturnsTheOriginalShapeAndLocation() {
        String id = TestIds.projectId();
        given().contentType(ContentType.JSON).body(Map.of("id", id, "name", "Farm Game"))
                .when().post("/api/projects")
                .then().statusCode(201)
                .header("Location", endsWith("/api/projects/" + id))
                .body("success", equalTo(true))
                .body("project.id", equalTo(id))
                .body("project.name", equalTo("Farm Game"))
                .body("project.phase", equalTo("planning"))
                .body("project.version", notNullValue());
    }

    @Test
    void createWithoutIdGeneratesOne() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Space Game"))
                .when().post("/api/projects")
                .then().statusCode(201)
                .body("project.id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void createRejectsMissingNameWithTheOriginalMessage() {
        given().contentType(ContentType.JSON).body(Map.of("name", ""))
                .when().post("/api/projects")
                .then().statusCode(400).body("error", equalTo("Name is required"));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/projects")
                .then().statusCode(400).body("error", equalTo("Name is required"));
        given().contentType(ContentType.JSON)
                .when().post("/api/projects")
                .then().statusCode(400).body("error", equalTo("Name is required"));
    }

    @Test
    void createRejectsAnUnsafeIdAndADuplicate() {
        given().contentType(ContentType.JSON).body(Map.of("id", "../etc", "name", "x"))
                .when().post("/api/projects")
                .then().statusCode(400).body("error", containsString("id must be 1 to 64 letters"));
        String id = Api.createProject(TestIds.projectId());
        given().contentType(ContentType.JSON).body(Map.of("id", id, "name", "again"))
                .when().post("/api/projects")
                .then().statusCode(409).body("error", equalTo("Project " + id + " already exists"));
    }

    @Test
    void listShowsRecentlyUpdatedProjects() {
        String id = Api.createProject(TestIds.projectId(), "Listed");
        given().when().get("/api/projects?limit=1000")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("projects.id", hasItem(id));
        given().when().get("/api/projects?limit=0")
                .then().statusCode(400).body("error", equalTo("limit must be at least 1"));
    }

    @Test
    void getReturnsTheProjectWithCamelCaseQualities() {
        String id = Api.createProject(TestIds.projectId());
        Api.patchQualities(id, "{\"color_palette\": \"Retro\"}").statusCode(200);
        given().when().get("/api/projects/{id}", id)
                .then().statusCode(200)
                .body("project.id", equalTo(id))
                .body("project.colorPalette", equalTo("Retro"));
        given().when().get("/api/projects/{id}", "missing-project")
                .then().statusCode(404).body("error", equalTo("Project not found"));
    }

    @Test
    void patchChangesPhaseAndNameAndRejectsAnUnknownPhase() {
        String id = Api.createProject(TestIds.projectId());
        given().contentType(ContentType.JSON).body(Map.of("phase", "style", "name", "Renamed"))
                .when().patch("/api/projects/{id}", id)
                .then().statusCode(200)
                .body("project.phase", equalTo("style"))
                .body("project.name", equalTo("Renamed"));
        assertThat(stores.cachedProject(id)).get()
                .extracting(cached -> cached.payload().get("phase").asText()).isEqualTo("style");

        given().contentType(ContentType.JSON).body(Map.of("phase", "shipping"))
                .when().patch("/api/projects/{id}", id)
                .then().statusCode(400).body("error", containsString("Invalid request body"));
        given().contentType(ContentType.JSON).body(Map.of("phase", "style"))
                .when().patch("/api/projects/{id}", "missing-project")
                .then().statusCode(404).body("error", equalTo("Project not found"));
    }

    @Test
    void deleteRemovesTheProjectFromBothTiers() {
        String id = Api.createProject(TestIds.projectId());
        given().when().get("/api/projects/{id}", id).then().statusCode(200);

        given().when().delete("/api/projects/{id}", id)
                .then().statusCode(200).body("success", equalTo(true));

        assertThat(stores.projectRow(id)).isEmpty();
        assertThat(stores.cachedProject(id)).isEmpty();
        given().when().get("/api/projects/{id}", id).then().statusCode(404);
        given().when().delete("/api/projects/{id}", id).then().statusCode(404);
    }

    @Test
    void deletedProjectsCannotBeResurrectedByALateCacheWrite() {
        String id = Api.createProject(TestIds.projectId());
        long versionBeforeDelete = stores.cachedProject(id).orElseThrow().version();
        given().when().delete("/api/projects/{id}", id).then().statusCode(200);

        // The tombstone outranks every version written before the delete.
        Map<String, String> tombstone = stores.rawHash(stores.key("project:" + id));
        assertThat(Long.parseLong(tombstone.get("v"))).isGreaterThan(versionBeforeDelete);
        assertThat(tombstone.get("d")).isEmpty();
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheErrorShape() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404).body("error", equalTo("No such route: GET /api/nothing-here"));
        given().when().put("/api/projects")
                .then().statusCode(405).body("error", containsString("not allowed"));
    }
}
