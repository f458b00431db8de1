package com.assethatch.project.projects;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import com.assethatch.project.support.TestIds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The original app's newest client creates projects with {name, mode, startWith} and reads mode and gameId back. */
@QuarkusTest
class NewestClientProjectTest {

    @Test
    void createAnswersWithProjectIdAndGameIdBesidesTheOlderShape() {
        JsonPath created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Dungeon", "mode", "3d", "startWith", "assets"))
                .when().post("/api/projects")
                .then().statusCode(201)
                .body("success", equalTo(true))
                .body("projectId", matchesPattern("[0-9a-f-]{36}"))
                .body("containsKey('gameId')", equalTo(true))
                .body("gameId", nullValue())
                .body("project.mode", equalTo("3d"))
                .extract().jsonPath();
        String projectId = created.getString("projectId");
        given().when().get("/api/projects/{id}", projectId)
                .then().statusCode(200)
                .body("project.id", equalTo(projectId))
                .body("project.mode", equalTo("3d"))
                .body("project.containsKey('gameId')", equalTo(true))
                .body("project.gameId", nullValue());
    }

    @Test
    void modeDefaultsTo2dAndEveryModeIsStored() {
        String plain = TestIds.projectId();
        given().contentType(ContentType.JSON).body(Map.of("id", plain, "name", "Plain"))
                .when().post("/api/projects").then().statusCode(201).body("project.mode", equalTo("2d"));
        given().when().get("/api/projects/{id}", plain).then().statusCode(200).body("project.mode", equalTo("2d"));

        String hybrid = TestIds.projectId();
        given().contentType(ContentType.JSON).body(Map.of("id", hybrid, "name", "Both", "mode", "hybrid", "startWith", "game"))
                .when().post("/api/projects").then().statusCode(201).body("gameId", nullValue());
        given().when().get("/api/projects/{id}", hybrid).then().statusCode(200)
                .body("project.mode", equalTo("hybrid"))
                .body("project.phase", equalTo("planning"));
        given().when().get("/api/projects?limit=1000").then().statusCode(200)
                .body("projects.find { it.id == '" + hybrid + "' }.mode", equalTo("hybrid"));
    }

    @Test
    void anUnknownModeOrStartWithIsA400NamingTheField() {
        String id = TestIds.projectId();
        given().contentType(ContentType.JSON).body(Map.of("id", id, "name", "Flat", "mode", "4d"))
                .when().post("/api/projects")
                .then().statusCode(400)
                .body("error", equalTo("mode must be one of: 2d, 3d, hybrid"))
                .body("details", hasItem(hasEntry("field", "mode")));
        given().contentType(ContentType.JSON).body(Map.of("id", id, "name", "Flat", "startWith", "studio"))
                .when().post("/api/projects")
                .then().statusCode(400)
                .body("error", equalTo("startWith must be one of: assets, game"))
                .body("details", hasItem(hasEntry("field", "startWith")));
        given().contentType(ContentType.JSON).body("{\"id\": \"" + id + "\", \"name\": \"Flat\", \"mode\": 3}")
                .when().post("/api/projects")
                .then().statusCode(400).body("error", org.hamcrest.Matchers.containsString("mode"));
        given().when().get("/api/projects/{id}", id).then().statusCode(404);
    }
}
