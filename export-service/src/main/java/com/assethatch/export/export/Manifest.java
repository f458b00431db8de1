package com.assethatch.export.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code manifest.json}: the original app's shape ({@code project}, {@code style}, {@code assets[]}) plus
 * {@code warnings}, theme/mood/gameGenre in {@code style}, and per asset {@code assetId}, {@code mediaType},
 * {@code sha256} and {@code bytes}. Keys without a value are left out, never written as {@code null}.
 */
@Schema(name = "Manifest", description = "The manifest.json at the root of the asset pack.")
@JsonPropertyOrder({"project", "style", "assets", "warnings"})
public record Manifest(ProjectInfo project, Style style, List<Asset> assets,
        @Schema(description = "Everything a person should know about this export: approved images that did not "
                + "match the plan, older approvals that were left out, plan problems.") List<String> warnings) {

    @Schema(name = "ManifestProject")
    @JsonPropertyOrder({"id", "name", "created"})
    public record ProjectInfo(
            @Schema(example = "farm-game") String id,
            @Schema(example = "Farm Game") String name,
            @Schema(description = "Creation time, ISO-8601 in UTC with milliseconds.", example = "2025-12-29T10:15:30.123Z")
            String created) {
    }

    @Schema(name = "ManifestStyle", description = "The project's qualities, with the original app's defaults.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"artStyle", "baseResolution", "perspective", "colorPalette", "anchorImagePath", "theme", "mood",
            "gameGenre"})
    public record Style(
            @Schema(example = "Pixel Art", description = "Default \"Pixel Art\".") String artStyle,
            @Schema(example = "32x32", description = "Default \"32x32\".") String baseResolution,
            @Schema(example = "side-view", description = "Default \"Top-down\".") String perspective,
            @Schema(example = "Vibrant", description = "Default \"Vibrant\".") String colorPalette,
            @Schema(example = "style_anchor.png", description = "Only when the project has a style anchor image.")
            String anchorImagePath,
            String theme,
            String mood,
            String gameGenre) {
    }

    @Schema(name = "ManifestAsset")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "semanticName", "path", "category", "tags", "dimensions", "frames", "aiDescription",
            "generationMetadata", "assetId", "mediaType", "sha256", "bytes"})
    public record Asset(
            @Schema(description = "Semantic id, unique in the manifest (_2, _3 on collisions).",
                    example = "character_farmer_idle") String id,
            @Schema(example = "Characters - Farmer (Idle)") String semanticName,
            @Schema(description = "Path of the image in the ZIP.", example = "characters/character_farmer_idle.png")
            String path,
            @Schema(description = "The plan category, lower case and singular.", example = "character") String category,
            List<String> tags,
            @Schema(description = "From the image header, else from the project's base resolution; absent when neither is known.")
            Dimensions dimensions,
            @Schema(example = "4") int frames,
            @Schema(example = "farmer idle (4-direction)") String aiDescription,
            GenerationMetadata generationMetadata,
            @Schema(description = "The plan asset id the image was approved for.", example = "farm-game-asset-0")
            String assetId,
            @Schema(example = "image/png") String mediaType,
            @Schema(description = "SHA-256 of the file, lower-case hex.") String sha256,
            @Schema(description = "Size of the file in bytes.") long bytes) {
    }

    @Schema(name = "ManifestDimensions")
    @JsonPropertyOrder({"width", "height"})
    public record Dimensions(int width, int height) {
    }

    @Schema(name = "ManifestGenerationMetadata")
    @JsonPropertyOrder({"prompt", "seed", "model"})
    public record GenerationMetadata(
            @Schema(example = "No prompt recorded") String prompt,
            @Schema(example = "0") long seed,
            @Schema(example = "flux.2-pro") String model) {
    }
}
