package com.assethatch.common.auth;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents authentication on every {@code /api} operation without touching resource code: a Bearer JWT or the
 * Auth.js session cookie is required (Swagger UI's "Authorize" button), and 401 is a possible answer. A service
 * switches it on with {@code mp.openapi.filter=com.assethatch.common.auth.AuthOpenApiFilter}.
 */
public class AuthOpenApiFilter implements OASFilter {

    static final String BEARER_SCHEME = "bearer";
    static final String COOKIE_SCHEME = "sessionCookie";
    static final String UNAUTHORIZED = "Unauthorized";
    private static final String API_PATH_PREFIX = "/api/";
    private static final String ERROR_SCHEMA = "Error";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? OASFactory.createComponents() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSecurityScheme(BEARER_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A JWT signed with RS256 or ES256 by the configured issuer, for the configured "
                        + "audience; the user id is its sub claim. scripts/token prints one for local runs."));
        components.addSecurityScheme(COOKIE_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name(AuthjsSessionDecoder.COOKIE_NAME)
                .description("The original frontend's Auth.js session cookie (also __Secure-authjs.session-token, "
                        + "and chunked as .0, .1, ...); the user id is its id claim."));
        if (components.getSchemas() == null || !components.getSchemas().containsKey(ERROR_SCHEMA)) {
            components.addSchema(ERROR_SCHEMA, errorSchema());
        }
        components.addResponse(UNAUTHORIZED, unauthorizedResponse());

        List<SecurityRequirement> eitherCredential = List.of(
                OASFactory.createSecurityRequirement().addScheme(BEARER_SCHEME),
                OASFactory.createSecurityRequirement().addScheme(COOKIE_SCHEME));
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(API_PATH_PREFIX)) {
                item.getOperations().values().forEach(operation -> {
                    operation.setSecurity(eitherCredential);
                    if (operation.getResponses() == null) {
                        operation.setResponses(OASFactory.createAPIResponses());
                    }
                    operation.getResponses().addAPIResponse("401",
                            OASFactory.createAPIResponse().ref(UNAUTHORIZED));
                });
            }
        });
    }

    private static APIResponse unauthorizedResponse() {
        return OASFactory.createAPIResponse()
                .description("No credential, or one that is expired, malformed or forged.")
                .addHeader("WWW-Authenticate", OASFactory.createHeader()
                        .description("A Bearer challenge (with error=\"invalid_token\" when a token was refused) "
                                + "and a Cookie challenge naming the session cookie.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(ERROR_SCHEMA))
                        .example(Map.of("error", "Unauthorized: the bearer token has expired"))));
    }

    /** The same shape as {@link com.assethatch.common.error.ApiError}, for a spec that does not list it yet. */
    private static Schema errorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Every error response has this shape.")
                .addRequired("error")
                .addProperty("error", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What is wrong, written for a person."))
                .addProperty("details", OASFactory.createSchema()
                        .description("Optional structured details."));
    }
}
