package com.assethatch.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.project.events.ChangeType;
import com.assethatch.project.projects.QualityKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The served spec is fit for code generators (clients/typescript): ids, required fields, names, typed events. */
@QuarkusTest
class OpenApiForCodeGenerationTest {

    private JsonNode spec;

    @BeforeEach
    void readSpec() throws Exception {
        spec = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void everyOperationHasAnOperationId() {
        List<String> missing = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getValue().path("operationId").asText().isEmpty()) {
                missing.add(operation.getKey() + " " + path.getKey());
            }
        }));
        assertThat(missing).isEmpty();
        assertThat(spec.at("/paths/~1api~1style-anchor/get/operationId").asText()).isEqualTo("getStyleAnchor");
    }

    @Test
    void eventsAreTypedPerEventTypeWithTheEventNameAsDiscriminator() {
        JsonNode changeEvent = schema("ChangeEvent");
        assertThat(changeEvent.at("/discriminator/propertyName").asText()).isEqualTo("type");
        List<String> mapped = new ArrayList<>();
        changeEvent.at("/discriminator/mapping").fieldNames().forEachRemaining(mapped::add);
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ChangeType.values()).map(ChangeType::eventName).toList());
        changeEvent.at("/discriminator/mapping").fields().forEachRemaining(entry -> {
            JsonNode event = schema(entry.getValue().asText().replace("#/components/schemas/", ""));
            assertThat(event.at("/properties/type/enum").toString()).as(entry.getKey())
                    .isEqualTo("[\"" + entry.getKey() + "\"]");
            assertThat(texts(event.get("required"))).as(entry.getKey())
                    .containsExactlyInAnyOrder("type", "projectId", "version", "data");
        });
        assertThat(schema("ProjectEvent").at("/properties/data/$ref").asText()).endsWith("/Project");
        assertThat(schema("AssetEvent").at("/properties/data/oneOf")).hasSize(2);
        assertThat(spec.at("/paths/~1api~1projects~1{id}~1events/get/responses/200/content/text~1event-stream/schema/$ref")
                .asText()).endsWith("/ChangeEvent");
    }

    @Test
    void responseFieldsThatAreAlwaysPresentAreRequiredAndNullableOnesSaySo() {
        JsonNode project = schema("Project");
        assertThat(texts(project.get("required"))).contains("id", "name", "phase", "mode", "gameId", "userId",
                "artStyle", "version", "createdAt", "updatedAt");
        assertThat(project.at("/properties/artStyle/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(project.at("/properties/name/type").asText()).isEqualTo("string");
        assertThat(texts(schema("ProjectCreated").get("required"))).containsExactlyInAnyOrder("success", "projectId",
                "gameId", "project");
        assertThat(texts(schema("StyleAnchorWithImage").get("required"))).contains("id", "imageUrl", "fluxModel");
        assertThat(texts(schema("Error").get("required"))).as("details is left out when there are none")
                .containsExactly("error");
        assertThat(schema("NewProject").get("required").toString()).isEqualTo("[\"name\"]");
    }

    /** What the spec promises holds for real answers: every required field is there, and null only where nullable. */
    @Test
    void realAnswersCarryEveryRequiredFieldAndNullOnlyWhereTheSpecAllowsIt() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode created = json.readTree(given().contentType("application/json")
                .body("{\"name\": \"Spec check\", \"mode\": \"3d\", \"startWith\": \"assets\"}")
                .when().post("/api/projects").then().statusCode(201).extract().asString());
        String projectId = created.get("projectId").asText();
        assertMatches("ProjectCreated", created);
        assertMatches("Project", created.get("project"));
        String anchorBody = "{\"referenceImage\": \"" + com.assethatch.project.support.TestImages.base64(
                com.assethatch.project.support.TestImages.png(4, 4)) + "\"}";
        JsonNode anchor = json.readTree(given().contentType("application/json").body(anchorBody)
                .when().put("/api/projects/{id}/style-anchor", projectId).then().statusCode(200).extract().asString());
        assertMatches("StyleAnchor", anchor);
        assertMatches("StyleAnchorWithImage", json.readTree(given().queryParam("id", anchor.get("id").asText())
                .when().get("/api/style-anchor").then().statusCode(200).extract().asString()));
        JsonNode qualities = json.readTree(given().when().get("/api/projects/{id}/qualities", projectId)
                .then().statusCode(200).extract().asString());
        assertMatches("Qualities", qualities);
        assertMatches("QualityValues", qualities.get("qualities"));
    }

    private void assertMatches(String schemaName, JsonNode value) {
        JsonNode schema = schema(schemaName);
        for (String field : texts(schema.get("required"))) {
            assertThat(value.has(field)).as("%s.%s is present in %s", schemaName, field, value).isTrue();
            JsonNode property = schema.at("/properties/" + field);
            boolean nullable = property.path("type").toString().contains("\"null\"")
                    || property.path("anyOf").toString().contains("\"null\"");
            if (!nullable) {
                assertThat(value.get(field).isNull()).as("%s.%s is null but not nullable", schemaName, field).isFalse();
            }
        }
    }

    @Test
    void qualitiesHaveNamedSchemasWithOneFieldPerQuality() {
        List<String> keys = QualityKey.NAMES;
        JsonNode values = schema("QualityValues");
        assertThat(texts(values.get("required"))).containsExactlyElementsOf(keys);
        assertThat(schema("Qualities").at("/properties/qualities/$ref").asText()).endsWith("/QualityValues");
        JsonNode patch = schema("QualitiesPatch");
        assertThat(patch.get("required")).isNull();
        List<String> patchKeys = new ArrayList<>();
        patch.get("properties").fieldNames().forEachRemaining(patchKeys::add);
        assertThat(patchKeys).containsExactlyElementsOf(keys);
        assertThat(spec.at("/paths/~1api~1projects~1{id}~1qualities/patch/requestBody/content/application~1json/schema/$ref")
                .asText()).endsWith("/QualitiesPatch");
    }

    @Test
    void schemaNamesAreNotJavaClassNames() {
        List<String> names = new ArrayList<>();
        spec.at("/components/schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).noneMatch(name -> name.endsWith("Request") && !name.equals("SyncGeneratedAssetRequest"))
                .noneMatch(name -> name.endsWith("Form") || name.endsWith("View") || name.matches(".*\\d$"))
                .doesNotContain("ChangePayload", "CreateProjectRequest");
    }

    private JsonNode schema(String name) {
        JsonNode schema = spec.at("/components/schemas/" + name);
        assertThat(schema.isMissingNode()).as("schema %s", name).isFalse();
        return schema;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }
}
