package com.assethatch.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.export.testsupport.ExportDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ExportDatabase.class)
class ServiceTest {

    @Test
    void readinessIsUpWithTheDatabaseReachable() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentListsTheExportRoutes() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/export"))
                .body(containsString("/api/projects/{id}/export/manifest"))
                .body(containsString("application/zip"));
    }

    @Test
    void anUnknownRouteAnswersInTheCommonErrorShape() {
        given().get("/api/nothing-here").then().statusCode(404).body("error", containsString("No such route"));
    }
}
