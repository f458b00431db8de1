package com.assethatch.project.styleanchor;

import com.assethatch.common.image.ImageFormat;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * GET /api/style-anchor: the anchor as the original app's newest client reads it, with the image inline as a
 * data URL (its chat page uses imageUrl as an {@code <img>} source) and the model under its old name fluxModel.
 */
@Schema(name = "StyleAnchorWithImage", description = "A style anchor with its reference image inline.")
public record StyleAnchorWithImage(
        @Schema(description = "The anchor's own id.", example = "7d1f4a52-6a43-4f0e-9a43-0d8f0c1e2b3a") String id,
        @Schema(example = "farm-game-01") String projectId,
        @Schema(description = "The reference image as a data URL.", example = "data:image/png;base64,iVBORw0KGgo...")
        String imageUrl,
        @Schema(example = "pixel art, chunky outlines, 16-bit", nullable = true) String styleKeywords,
        @Schema(example = "soft top-left light, warm", nullable = true) String lightingKeywords,
        @Schema(example = "[\"#2E7D32\", \"#F9A825\"]") List<String> colorPalette,
        @Schema(description = "The generation model, under the original app's name for it (the same as model).",
                example = "flux.2-pro", nullable = true) String fluxModel,
        @Schema(example = "flux.2-pro", nullable = true) String model,
        ImageFormat mediaType,
        int byteSize,
        @Schema(description = "SHA-256 of the reference image (hex).") String sha256,
        @Schema(description = "From the image header, if it has one.", nullable = true) Integer width,
        @Schema(nullable = true) Integer height,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static StyleAnchorWithImage of(StyleAnchor anchor, String imageDataUrl) {
        return new StyleAnchorWithImage(anchor.id(), anchor.projectId(), imageDataUrl, anchor.styleKeywords(),
                anchor.lightingKeywords(), anchor.colorPalette(), anchor.model(), anchor.model(), anchor.mediaType(),
                anchor.byteSize(), anchor.sha256(), anchor.width(), anchor.height(), anchor.version(),
                anchor.createdAt(), anchor.updatedAt());
    }
}
