package com.assethatch.export.plan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.assethatch.common.ids.ProjectIds;
import com.assethatch.export.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanResourceTest {

    private static final String MARKDOWN = "text/markdown";

    /** Parsing names a project of the caller (the default test user): these are the ids the tests use. */
    @BeforeAll
    static void projectsOfTheTestUser() {
        TestData.ownedProject("p");
        TestData.ownedProject("Proj_1");
    }

    @Test
    void parseAnswersTheAssetsOfTheSpecExampleAsJson() {
        JsonPath body = given().contentType(MARKDOWN).body(PlanFormatExamplesTest.EXAMPLE)
                .queryParam("projectId", "p")
                .when().post("/api/plans/parse")
                .then().statusCode(200).contentType("application/json")
                .body("projectId", equalTo("p"))
                .body("mode", equalTo("composite"))
                .body("warnings", equalTo(List.of()))
                .extract().jsonPath();

        assertThat(body.getList("assets.id")).containsExactly("p-asset-0", "p-asset-1", "p-asset-2");
        assertThat(body.getList("assets.type")).containsExactly("sprite-sheet", "character-sprite", "icon");
        assertThat(body.getMap("assets[0].mobility")).isEqualTo(Map.of("type", "moveable", "directions", 8));
        assertThat(body.getMap("assets[0].notes")).isEqualTo(Map.of("description", "straw hat, blue overalls"));
        assertThat(body.getMap("assets[0].variant")).isEqualTo(Map.of("id", "p-asset-0-composite", "name", "Idle",
                "pose", "idle standing pose", "animationType", "idle breathing animation", "frameCount", 4,
                "arrangementType", "horizontally in a single row"));
        assertThat(body.getMap("assets[2]")).containsOnlyKeys(
                "id", "category", "name", "type", "description", "mobility", "variant");
        assertThat(body.getMap("assets[2].variant")).isEqualTo(Map.of("id", "p-asset-2-variant", "name", "Default"));
    }

    @Test
    void granularModeIsChosenCaseInsensitivelyAndSplitsDirections() {
        given().contentType("text/plain").body(PlanFormatExamplesTest.EXAMPLE)
                .queryParam("projectId", "Proj_1").queryParam("mode", "GRANULAR")
                .when().post("/api/plans/parse")
                .then().statusCode(200)
                .body("mode", equalTo("granular"))
                .body("assets.id", equalTo(List.of("Proj_1-asset-0-front", "Proj_1-asset-0-left",
                        "Proj_1-asset-0-right", "Proj_1-asset-0-back", "Proj_1-asset-1", "Proj_1-asset-2")))
                .body("assets[0].variant.direction", equalTo("front"))
                .body("assets[0].notes.description", equalTo("straw hat, blue overalls"))
                .body("assets[5]", not(hasKey("notes")));
    }

    @Test
    void markdownWithACharsetIsAccepted() {
        given().contentType("text/markdown; charset=UTF-8").body("## Décor\n- Lämp 🔥\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("projectId", "p")
                .when().post("/api/plans/parse")
                .then().statusCode(200)
                .body("assets[0].category", equalTo("Décor"))
                .body("assets[0].name", equalTo("Lämp 🔥"))
                .body("assets[0].id", equalTo("p-asset-0"));
    }

    @Test
    void anEmptyBodyGivesNoAssetsAndAWarning() {
        given().contentType(MARKDOWN).body("")
                .queryParam("projectId", "p")
                .when().post("/api/plans/parse")
                .then().statusCode(200)
                .body("assets", equalTo(List.of()))
                .body("warnings", equalTo(List.of("The plan is empty, so it has no assets")));
    }

    @Test
    void aMissingProjectIdIsABadRequest() {
        given().contentType(MARKDOWN).body("- Crate\n")
                .when().post("/api/plans/parse")
                .then().statusCode(400).contentType("application/json")
                .body("error", equalTo("projectId is required"));
    }

    @Test
    void anEmptyProjectIdCountsAsMissing() {
        given().contentType(MARKDOWN).body("- Crate\n")
                .queryParam("projectId", "")
                .when().post("/api/plans/parse")
                .then().statusCode(400)
                .body("error", equalTo("projectId is required"));
    }

    @Test
    void anInvalidProjectIdIsABadRequest() {
        for (String invalid : List.of("a/b", "../x", "x".repeat(65), "a b")) {
            given().contentType(MARKDOWN).body("- Crate\n")
                    .queryParam("projectId", invalid)
                    .when().post("/api/plans/parse")
                    .then().statusCode(400)
                    .body("error", equalTo(ProjectIds.PROJECT_ID_RULE));
        }
    }

    @Test
    void anUnknownModeIsABadRequestNamingTheAllowedModes() {
        given().contentType(MARKDOWN).body("- Crate\n")
                .queryParam("projectId", "p").queryParam("mode", "exploded")
                .when().post("/api/plans/parse")
                .then().statusCode(400)
                .body("error", equalTo("mode must be one of: composite, granular"))
                .body("details.allowed", equalTo(List.of("composite", "granular")));
    }

    @Test
    void aPlanOverTheLimitIsRejectedWithPayloadTooLarge() {
        // A String, not a byte[]: RestAssured's request log formats a byte[] body as a list of numbers, ~80 MB of text
        // for this one, in a test JVM kept small on purpose (ExportRequestBodyTest).
        String tooBig = "a".repeat(10 * 1024 * 1024 + 1);

        given().contentType(MARKDOWN).body(tooBig)
                .queryParam("projectId", "p")
                .when().post("/api/plans/parse")
                .then().statusCode(413).contentType("application/json")
                .body("error", containsString("10485760 bytes"))
                .body("details.maxBytes", equalTo(10485760))
                .body("details.bytes", equalTo(10485761));
    }

    @Test
    void otherContentTypesAreUnsupported() {
        given().contentType("application/json").body("{\"plan\": \"- Crate\"}")
                .queryParam("projectId", "p")
                .when().post("/api/plans/parse")
                .then().statusCode(415)
                .body("error", containsString("is not accepted"));
    }

    @Test
    void aRequestWithoutContentTypeIsUnsupportedRatherThanGuessed() {
        given().queryParam("projectId", "p")
                .when().post("/api/plans/parse")
                .then().statusCode(415)
                .body("error", containsString("is not accepted"));
    }

    @Test
    void theEndpointIsDocumentedInTheOpenApiSpec() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/plans/parse'.post.tags", hasItem("Plans"))
                .body("paths.'/api/plans/parse'.post.responses", hasKey("413"))
                .body("paths.'/api/plans/parse'.post.requestBody.content", hasKey("text/markdown"));
    }
}
