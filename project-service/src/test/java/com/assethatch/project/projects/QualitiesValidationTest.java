package com.assethatch.project.projects;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QualitiesValidationTest {

    private String projectId;

    @BeforeEach
    void createProject() {
        projectId = Api.createProject(TestIds.projectId());
    }

    @Test
    void unknownKeyIsRejectedNamingTheAllowedKeys() {
        Api.patchQualities(projectId, "{\"perspectiv\": \"side-view\"}").statusCode(400)
                .body("error", containsString("'perspectiv' is not a quality"))
                .body("error", containsString("art_style, base_resolution, perspective, game_genre, theme, mood, color_palette"))
                .body("details.allowedKeys", hasItems("perspective", "color_palette"));
        Api.getQualities(projectId).body("version", not(equalTo(0)));
    }

    @Test
    void emptyValueIsRejected() {
        Api.patchQualities(projectId, "{\"mood\": \"   \"}").statusCode(400)
                .body("error", containsString("'mood' must not be empty"))
                .body("details.problems.mood", containsString("send null to clear"));
    }

    @Test
    void overLongValueIsRejected() {
        Api.patchQualities(projectId, "{\"theme\": \"" + "x".repeat(201) + "\"}").statusCode(400)
                .body("error", containsString("'theme' is too long (at most 200 characters)"));
    }

    @Test
    void valueOfTheWrongTypeIsRejected() {
        Api.patchQualities(projectId, "{\"mood\": 5}").statusCode(400)
                .body("error", equalTo("Field 'mood' must be a string"));
        Api.patchQualities(projectId, "{\"mood\": {\"a\": 1}}").statusCode(400)
                .body("error", equalTo("Field 'mood' must be a string"));
        Api.patchQualities(projectId, "[\"mood\"]").statusCode(400)
                .body("error", equalTo("Request body must be a JSON object"));
    }

    @Test
    void malformedJsonIsRejectedWithItsPosition() {
        Api.patchQualities(projectId, "{\"mood\": ").statusCode(400)
                .body("error", containsString("Malformed JSON"));
    }

    @Test
    void emptyBodyOrEmptyObjectIsRejected() {
        Api.patchQualities(projectId, "{}").statusCode(400)
                .body("error", containsString("Give at least one quality"));
        given().contentType("application/json").when().patch("/api/projects/{id}/qualities", projectId)
                .then().statusCode(400).body("error", containsString("Give at least one quality"));
    }

    @Test
    void unknownProjectIs404() {
        Api.patchQualities("no-such-project", "{\"mood\": \"calm\"}").statusCode(404)
                .body("error", equalTo("Project not found"));
        Api.getQualities("no-such-project").statusCode(404).body("error", equalTo("Project not found"));
    }

    @Test
    void staleIfMatchIs412WithTheCurrentVersionAndChangesNothing() {
        int first = Api.patchQualities(projectId, "{\"mood\": \"calm\"}").statusCode(200).extract().path("version");
        int second = Api.patchQualities(projectId, "{\"mood\": \"tense\"}").statusCode(200).extract().path("version");

        given().contentType("application/json").header("If-Match", "\"" + first + "\"")
                .body("{\"mood\": \"overwritten\"}")
                .when().patch("/api/projects/{id}/qualities", projectId)
                .then().statusCode(412)
                .body("error", containsString("Version " + first + " is stale"))
                .body("details.currentVersion", equalTo(second));
        Api.getQualities(projectId).body("qualities.mood", equalTo("tense"));
    }

    @Test
    void malformedIfMatchIs400() {
        given().contentType("application/json").header("If-Match", "yesterday")
                .body("{\"mood\": \"calm\"}")
                .when().patch("/api/projects/{id}/qualities", projectId)
                .then().statusCode(400).body("error", containsString("If-Match must be * or entity tags"));
    }

    @Test
    void aWellFormedIfMatchThatMatchesNothingIs412AndChangesNothing() {
        int version = Api.patchQualities(projectId, "{\"mood\": \"calm\"}").statusCode(200).extract().path("version");
        given().contentType("application/json").header("If-Match", "\"v0\"")
                .body("{\"mood\": \"overwritten\"}")
                .when().patch("/api/projects/{id}/qualities", projectId)
                .then().statusCode(412)
                .body("error", containsString("If-Match \"v0\" does not match the current version"))
                .body("details.currentVersion", equalTo(version));
        Api.getQualities(projectId).body("qualities.mood", equalTo("calm"));
        given().contentType("application/json").header("If-Match", "\"v0\"").body("{\"mood\": \"calm\"}")
                .when().patch("/api/projects/{id}/qualities", "no-such-project")
                .then().statusCode(404);
    }

    @Test
    void aGarbledAcceptIsDisregardedNotA500() {
        given().header("Accept", "*, \"1\"").when().get("/api/projects/{id}/qualities", projectId)
                .then().statusCode(200).body("qualities", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anIfMatchListAppliesWhenOneOfItsTagsIsCurrent() {
        int version = Api.patchQualities(projectId, "{\"mood\": \"calm\"}").statusCode(200).extract().path("version");
        given().contentType("application/json").header("If-Match", "\"v0\", \"" + version + "\"")
                .body("{\"mood\": \"tense\"}")
                .when().patch("/api/projects/{id}/qualities", projectId)
                .then().statusCode(200);
        Api.getQualities(projectId).body("qualities.mood", equalTo("tense"));
    }

    @Test
    void wrongContentTypeIs415InTheErrorShape() {
        given().contentType("text/plain").body("mood=calm")
                .when().patch("/api/projects/{id}/qualities", projectId)
                .then().statusCode(415).body("error", containsString("is not accepted"));
    }
}
