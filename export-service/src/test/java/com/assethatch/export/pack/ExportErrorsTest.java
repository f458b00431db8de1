package com.assethatch.export.pack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.assethatch.export.testsupport.ExportDatabase;
import com.assethatch.export.testsupport.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The original app's errors, statuses and messages, in its order, on every export route. */
@QuarkusTest
@QuarkusTestResource(ExportDatabase.class)
class ExportErrorsTest {

    enum Route { POST, GET, MANIFEST }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"projectId\": null}", "{\"projectId\": \"\"}", "{\"projectId\": \"   \"}",
            "{\"other\": \"x\"}"})
    void postWithoutAProjectIdIs400ProjectIdIsRequired(String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/export")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("Project ID is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/projects/%20/export", "/api/projects/%20/export/manifest"})
    void getWithABlankProjectIdIs400ProjectIdIsRequired(String path) {
        given().urlEncodingEnabled(false).get(path)
                .then().statusCode(400).body("error", equalTo("Project ID is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"projectId\": \"a\\u0000b\"}", "{\"projectId\": \"\\ud800\"}"})
    void aProjectIdPostgresCannotHoldIsA400NamingTheFieldNeverA500(String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/export")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", startsWith("Field 'projectId' contains"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/projects/a%00b/export", "/api/projects/%00/export/manifest"})
    void aNulInTheProjectIdPathIsA400NeverA500(String path) {
        given().urlEncodingEnabled(false).get(path)
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", startsWith("The path contains a NUL character"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"projectId\": ", "not json", "{\"projectId\": \"a\"} trailing", "{\"projectId\": \"a\",}"})
    void malformedJsonIsA400InTheCommonShapeNeverA500(String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/export")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", startsWith("Malformed JSON"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"projectId\": 5}", "[\"p\"]", "\"p\"", "[1, 2"})
    void aBodyOfTheWrongShapeIsA400(String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/export")
                .then().statusCode(400).contentType(ContentType.JSON);
    }

    @Test
    void anUnknownProjectIs404ProjectNotFoundOnEveryRoute() {
        for (Route route : Route.values()) {
            call(route, TestData.projectId("missing")).statusCode(404).body("error", equalTo("Project not found"));
        }
    }

    @Test
    void aProjectWithoutApprovedImagesIs400EvenWithoutAPlan() {
        String withoutPlan = TestData.projectId("none");
        TestData.project(withoutPlan, "None", Map.of());
        String withPlanAndUnapproved = TestData.projectId("unapproved");
        TestData.project(withPlanAndUnapproved, "Unapproved", Map.of());
        TestData.plan(withPlanAndUnapproved, "## Props\n- Barrel\n");
        TestData.image(withPlanAndUnapproved + "-g", withPlanAndUnapproved, withPlanAndUnapproved + "-asset-0", new byte[] {1})
                .status("generated").size(1, 1).minute(1).insert();
        TestData.image(withPlanAndUnapproved + "-r", withPlanAndUnapproved, withPlanAndUnapproved + "-asset-0", new byte[] {2})
                .status("rejected").size(1, 1).minute(2).insert();

        for (Route route : Route.values()) {
            call(route, withoutPlan).statusCode(400).body("error", equalTo("No approved assets to export"));
            call(route, withPlanAndUnapproved).statusCode(400).body("error", equalTo("No approved assets to export"));
        }
    }

    @Test
    void approvedImagesWithoutAPlanAre404AssetPlanNotFound() {
        String p = TestData.projectId("noplan");
        TestData.project(p, "No Plan", Map.of());
        TestData.memoryFile(p, "project.json", "{}");
        TestData.approved(p + "-a", p, p + "-asset-0", 1, 1);

        for (Route route : Route.values()) {
            call(route, p).statusCode(404).body("error", equalTo("Asset plan not found"));
        }
    }

    @Test
    void aPlanThatIsNotAValidMarkdownPlanStillExportsEverythingAsUnplanned() {
        String p = TestData.projectId("jsonplan");
        TestData.project(p, "Json Plan", Map.of());
        TestData.plan(p, "{\"assets\": [\"this is JSON, not markdown\"]}");
        TestData.approved(p + "-a", p, p + "-asset-0", 1, 1);

        call(Route.MANIFEST, p).statusCode(200)
                .body("assets[0].path", equalTo("unplanned/" + p + "-asset-0.png"))
                .body("warnings.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        call(Route.GET, p).statusCode(200).contentType(ExportResource.APPLICATION_ZIP);
    }

    private static ValidatableResponse call(Route route, String projectId) {
        return switch (route) {
            case POST -> given().contentType(ContentType.JSON).body(Map.of("projectId", projectId)).post("/api/export")
                    .then().contentType(ContentType.JSON);
            case GET -> given().get("/api/projects/{id}/export", projectId).then();
            case MANIFEST -> given().get("/api/projects/{id}/export/manifest", projectId).then();
        };
    }
}
