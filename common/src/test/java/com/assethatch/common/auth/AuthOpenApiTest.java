package com.assethatch.common.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.assethatch.common.auth.testing.AuthTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AuthOpenApiFilter, switched on with mp.openapi.filter, documents authentication on every /api operation. */
@QuarkusTest
@WithTestResource(AuthTestResource.class)
class AuthOpenApiTest {

    @Test
    void swaggerUiGetsABearerSchemeAndTheSessionCookieScheme() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"))
                .body("components.securitySchemes.sessionCookie.type", equalTo("apiKey"))
                .body("components.securitySchemes.sessionCookie.in", equalTo("cookie"))
                .body("components.securitySchemes.sessionCookie.name", equalTo("authjs.session-token"))
                // Quarkus's own generic scheme stays off (common's microprofile-config.properties).
                .body("components.securitySchemes", not(hasKey("SecurityScheme")));
    }

    @Test
    void everyApiOperationRequiresACredentialAndDocuments401InTheErrorShape() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/probe/whoami'.get.security", equalTo(
                        List.of(Map.of("bearer", List.of()),
                                Map.of("sessionCookie", List.of()))))
                .body("paths.'/api/probe/whoami'.get.responses.'401'.'$ref'",
                        equalTo("#/components/responses/Unauthorized"))
                .body("paths.'/api/probe/whoami-reactive'.get.responses.'401'.'$ref'",
                        equalTo("#/components/responses/Unauthorized"))
                .body("paths.'/api/probe/whoami'.get.responses", hasKey("200"))
                .body("components.responses.Unauthorized.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Error"))
                .body("components.responses.Unauthorized.headers", hasKey("WWW-Authenticate"))
                .body("components.schemas.Error.properties", hasKey("error"));
    }
}
