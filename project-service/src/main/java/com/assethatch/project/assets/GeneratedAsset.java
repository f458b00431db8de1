package com.assethatch.project.assets;

import com.assethatch.common.image.ImageFormat;
import com.assethatch.project.cache.Versioned;
import com.assethatch.project.events.ChangePayload;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A generated image's record, without its bytes (those are served by the image endpoint). */
@Schema(name = "GeneratedAsset")
public record GeneratedAsset(
        @Schema(description = "Id chosen by the client when the image was generated.", example = "5d0c4f0e-1f7e-4b8e-9a51-4c6c2b1f0a11")
        String id,
        @Schema(example = "farm-game-01") String projectId,
        @Schema(description = "The plan asset this image is for (from the plan parser).", example = "farm-game-01-asset-0")
        String assetId,
        @Schema(example = "farm-game-01-asset-0-composite", nullable = true) String variantId,
        AssetStatus status,
        @Schema(example = "42") long seed,
        @Schema(example = "pixel art farmer, side view, idle pose", nullable = true) String promptUsed,
        @Schema(description = "Generation metadata (a JSON object).", type = SchemaType.OBJECT,
                example = "{\"model\": \"flux.2-pro\", \"cost\": 0.04}", nullable = true)
        JsonNode metadata,
        ImageFormat mediaType,
        @Schema(example = "18231") int byteSize,
        @Schema(description = "SHA-256 of the image bytes (hex); also the image's ETag.") String sha256,
        @Schema(description = "Pixel width from the image header, if it has one.", example = "128", nullable = true) Integer width,
        @Schema(example = "32", nullable = true) Integer height,
        @Schema(example = "73") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements Versioned, ChangePayload {

    @JsonProperty(value = "imageUrl", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = "Where to download the image bytes.", example = "/api/generated-assets/5d0c4f0e-1f7e-4b8e-9a51-4c6c2b1f0a11/image")
    public String imageUrl() {
        return "/api/generated-assets/" + id + "/image";
    }
}
