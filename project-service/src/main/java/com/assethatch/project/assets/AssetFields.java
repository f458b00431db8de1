package com.assethatch.project.assets;

import com.assethatch.common.validation.OneOf;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything about an uploaded image but its bytes; the same rules for every upload path. */
@Schema(name = "GeneratedAssetFields")
public record AssetFields(
        @Schema(description = "Client-chosen id; re-sending the same id updates that asset (upsert).",
                example = "5d0c4f0e-1f7e-4b8e-9a51-4c6c2b1f0a11", required = true)
        @NotBlank(message = "Missing required fields") @Pattern(regexp = AssetIds.PATTERN, message = "id " + AssetIds.RULE)
        String id,

        @Schema(example = "farm-game-01", required = true)
        @NotBlank(message = "Missing required fields") @Pattern(regexp = AssetIds.PATTERN, message = "projectId " + AssetIds.RULE)
        String projectId,

        @Schema(description = "The plan asset this image is for.", example = "farm-game-01-asset-0", required = true)
        @NotBlank(message = "Missing required fields") @Pattern(regexp = AssetIds.PATTERN, message = "assetId " + AssetIds.RULE)
        String assetId,

        @Schema(example = "farm-game-01-asset-0-composite")
        @Pattern(regexp = AssetIds.PATTERN, message = "variantId " + AssetIds.RULE)
        String variantId,

        @Schema(description = "approved when absent (as the original).", ref = "AssetStatus")
        @OneOf(value = AssetStatus.class, message = AssetStatus.ONE_OF)
        String status,

        @Schema(description = "Generation seed; 0 when absent.", example = "42")
        Long seed,

        @Schema(example = "pixel art farmer, side view, idle pose", maxLength = AssetFields.MAX_PROMPT_LENGTH)
        @Size(max = AssetFields.MAX_PROMPT_LENGTH, message = "promptUsed is too long (at most 20000 characters)")
        String promptUsed,

        @Schema(description = "Generation metadata; must be a JSON object.", type = SchemaType.OBJECT,
                example = "{\"model\": \"flux.2-pro\", \"seed\": 42}")
        JsonNode metadata) {

    public static final int MAX_PROMPT_LENGTH = 20_000;

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "metadata must be a JSON object")
    boolean isMetadataAnObject() {
        return metadata == null || metadata.isNull() || metadata.isObject();
    }
}
