package com.assethatch.project.styleanchor;

import com.assethatch.common.image.ImageFormat;
import com.assethatch.project.cache.Versioned;
import com.assethatch.project.events.ChangePayload;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project's style anchor: the reference image every generation follows, and its keywords. */
@Schema(name = "StyleAnchor")
public record StyleAnchor(
        @Schema(description = "The anchor's own id: stays the same when the anchor is replaced; GET /api/style-anchor "
                + "accepts it.", example = "7d1f4a52-6a43-4f0e-9a43-0d8f0c1e2b3a") String id,
        @Schema(example = "farm-game-01") String projectId,
        @Schema(example = "pixel art, chunky outlines, 16-bit", nullable = true) String styleKeywords,
        @Schema(example = "soft top-left light, warm", nullable = true) String lightingKeywords,
        @Schema(example = "[\"#2E7D32\", \"#F9A825\", \"#5D4037\"]") List<String> colorPalette,
        @Schema(example = "flux.2-pro", nullable = true) String model,
        ImageFormat mediaType,
        int byteSize,
        @Schema(description = "SHA-256 of the reference image (hex); its ETag.") String sha256,
        @Schema(description = "From the image header, if it has one.", nullable = true) Integer width,
        @Schema(nullable = true) Integer height,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements Versioned, ChangePayload {

    @JsonProperty(value = "imageUrl", access = JsonProperty.Access.READ_ONLY)
    @Schema(example = "/api/projects/farm-game-01/style-anchor/image")
    public String imageUrl() {
        return "/api/projects/" + projectId + "/style-anchor/image";
    }
}
