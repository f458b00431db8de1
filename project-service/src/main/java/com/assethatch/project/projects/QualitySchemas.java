package com.assethatch.project.projects;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The named schemas of the qualities, built from {@link QualityKey} so the spec lists exactly the keys the code
 * accepts: {@code QualityValues} (a read: every key present, unset ones null) and {@code QualitiesPatch} (a partial
 * update: any of the keys, null clears one, no other key). Code generators get one typed field per quality instead of
 * a free-form map. Runs at build time.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class QualitySchemas implements OASFilter {

    static final String VALUES = "QualityValues";
    static final String PATCH = "QualitiesPatch";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSchema(VALUES, qualities("Every quality; unset ones are null.").required(QualityKey.NAMES))
                .addSchema(PATCH, qualities("Any of the qualities: a key you send changes, a null clears it, the others "
                        + "stay. No other key is allowed.").minProperties(1));
    }

    private static Schema qualities(String description) {
        Schema schema = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description(description)
                .additionalPropertiesBoolean(false);
        for (QualityKey key : QualityKey.values()) {
            schema.addProperty(key.snakeName(), OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL)));
        }
        return schema;
    }
}
