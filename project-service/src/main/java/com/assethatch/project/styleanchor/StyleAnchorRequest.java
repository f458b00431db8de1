package com.assethatch.project.styleanchor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StyleAnchorInput", description = "Replaces the project's style anchor.")
public record StyleAnchorRequest(
        @Schema(description = "The reference image as standard base64 (a data URL is accepted too): PNG, JPEG or WebP.",
                required = true)
        @NotBlank(message = "referenceImage is required")
        String referenceImage,

        @Schema(example = "pixel art, chunky outlines, 16-bit", maxLength = StyleAnchorRequest.MAX_TEXT_LENGTH)
        @Size(max = StyleAnchorRequest.MAX_TEXT_LENGTH, message = "styleKeywords is too long (at most 2000 characters)")
        String styleKeywords,

        @Schema(example = "soft top-left light, warm", maxLength = StyleAnchorRequest.MAX_TEXT_LENGTH)
        @Size(max = StyleAnchorRequest.MAX_TEXT_LENGTH, message = "lightingKeywords is too long (at most 2000 characters)")
        String lightingKeywords,

        @Schema(description = "Hex colours (#RGB or #RRGGBB).", example = "[\"#2E7D32\", \"#F9A825\"]")
        @Size(max = StyleAnchorRequest.MAX_COLORS, message = "colorPalette has too many colours (at most 32)")
        List<@Pattern(regexp = StyleAnchorRequest.HEX_COLOR, message = "colorPalette entries must be hex colours such as #1A2B3C")
                String> colorPalette,

        @Schema(example = "flux.2-pro", maxLength = StyleAnchorRequest.MAX_MODEL_LENGTH)
        @Size(max = StyleAnchorRequest.MAX_MODEL_LENGTH, message = "model is too long (at most 200 characters)")
        String model) {

    static final int MAX_TEXT_LENGTH = 2000;
    static final int MAX_COLORS = 32;
    static final int MAX_MODEL_LENGTH = 200;
    static final String HEX_COLOR = "^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$";
}
