package com.assethatch.project.assets;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.json.StorableText;
import com.assethatch.common.json.UnstorableTextException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The binary upload: the same fields as the JSON body, as form fields, and the image as a file part. */
@Schema(name = "AssetUpload")
public class AssetUploadForm {

    static final String IMAGE_PART = "image";

    @RestForm
    @Schema(required = true, example = "5d0c4f0e-1f7e-4b8e-9a51-4c6c2b1f0a11")
    public String id;

    @RestForm
    @Schema(required = true, example = "farm-game-01")
    public String projectId;

    @RestForm
    @Schema(required = true, example = "farm-game-01-asset-0")
    public String assetId;

    @RestForm
    public String variantId;

    @RestForm
    @Schema(ref = "AssetStatus")
    public String status;

    @RestForm
    @Schema(description = "An integer.", example = "42")
    public String seed;

    @RestForm
    public String promptUsed;

    @RestForm
    @Schema(description = "A JSON object, as text.", example = "{\"model\": \"flux.2-pro\"}")
    public String metadata;

    @RestForm(IMAGE_PART)
    @Schema(description = "The image file: PNG, JPEG or WebP.", required = true, type = SchemaType.STRING, format = "binary")
    public FileUpload image;

    /**
     * The form's fields, typed; text that cannot be stored (NUL, unpaired surrogates), is not an integer or not a JSON
     * document is a 400 naming the field, as the JSON body's deserializers do for the base64 path.
     */
    AssetFields toFields(ObjectMapper json) {
        requireStorable(Map.of("id", nullable(id), "projectId", nullable(projectId), "assetId", nullable(assetId),
                "variantId", nullable(variantId), "status", nullable(status), "seed", nullable(seed),
                "promptUsed", nullable(promptUsed), "metadata", nullable(metadata)));
        return new AssetFields(id, projectId, assetId, variantId, status, parseSeed(seed), promptUsed,
                parseMetadata(metadata, json));
    }

    private static void requireStorable(Map<String, String> textFields) {
        new TreeMap<>(textFields).forEach((field, text) -> StorableText.problem(text).ifPresent(problem -> {
            throw ApiException.badRequest("Field '" + field + "' " + problem, Map.of("field", field));
        }));
    }

    private static String nullable(String text) {
        return text == null ? "" : text;
    }

    /** A seed field as text: null when absent, a 400 when not an integer. */
    static Long parseSeed(String seed) {
        if (seed == null || seed.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Field 'seed' must be an integer");
        }
    }

    /** A metadata field as text: null when absent, a 400 when not JSON (an object is checked with the other rules). */
    static JsonNode parseMetadata(String metadata, ObjectMapper json) {
        if (metadata == null || metadata.isBlank()) {
            return null;
        }
        try {
            return json.readTree(metadata);
        } catch (UnstorableTextException e) {
            throw ApiException.badRequest("Field 'metadata' " + e.problem(), Map.of("field", "metadata"));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Field 'metadata' is not valid JSON");
        }
    }
}
