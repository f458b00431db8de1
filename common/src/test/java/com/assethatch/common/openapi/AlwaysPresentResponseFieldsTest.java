package com.assethatch.common.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

class AlwaysPresentResponseFieldsTest {

    @Test
    void responseSchemasRequireEveryPropertyButRequestSchemasAndExplicitListsAreKept() {
        Schema thing = object("id", "name").addProperty("owner", ref("Owner"));
        Schema owner = object("login");
        Schema sparse = object("always", "sometimes").required(List.of("always"));
        Schema newThing = object("name");
        Schema shared = object("value");
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema("Thing", thing).addSchema("Owner", owner).addSchema("Sparse", sparse)
                        .addSchema("NewThing", newThing).addSchema("Shared", shared))
                .paths(OASFactory.createPaths().addPathItem("/api/things", OASFactory.createPathItem()
                        .POST(OASFactory.createOperation()
                                .requestBody(OASFactory.createRequestBody().content(json(OASFactory.createSchema()
                                        .oneOf(List.of(ref("NewThing"), ref("Shared"))))))
                                .responses(OASFactory.createAPIResponses()
                                        .addAPIResponse("201", OASFactory.createAPIResponse().content(json(ref("Thing"))))
                                        .addAPIResponse("200", OASFactory.createAPIResponse().content(json(
                                                OASFactory.createSchema().items(ref("Sparse")))))
                                        .addAPIResponse("202", OASFactory.createAPIResponse().content(json(ref("Shared"))))))));

        new AlwaysPresentResponseFields().filterOpenAPI(openAPI);

        assertThat(thing.getRequired()).containsExactly("id", "name", "owner");
        assertThat(owner.getRequired()).as("reached through Thing").containsExactly("login");
        assertThat(sparse.getRequired()).as("its own list").containsExactly("always");
        assertThat(newThing.getRequired()).as("a request body").isNull();
        assertThat(shared.getRequired()).as("in a request body too").isNull();
    }

    private static Schema object(String... properties) {
        Schema schema = OASFactory.createSchema();
        for (String property : properties) {
            schema.addProperty(property, OASFactory.createSchema());
        }
        return schema;
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static org.eclipse.microprofile.openapi.models.media.Content json(Schema schema) {
        return OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(schema));
    }
}
