package com.assethatch.export.pack;

import com.assethatch.common.image.ImageInfo;
import com.assethatch.export.pack.ExportRows.ApprovedImage;
import com.assethatch.export.pack.ExportRows.ProjectRow;
import com.assethatch.export.plan.PlannedAsset;
import com.assethatch.export.plan.Variant;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code manifest.json}: the original app's shape ({@code project}, {@code style}, {@code assets[]}) plus
 * {@code warnings}, theme/mood/gameGenre in {@code style}, and per asset {@code assetId}, {@code mediaType},
 * {@code sha256} and {@code bytes}. Keys without a value are left out, never written as {@code null}. Each record
 * knows how it is made from the rows: the original app's defaults and its lenient reading of stored metadata
 * live here, next to the fields they fill.
 */
@Schema(name = "Manifest", description = "The manifest.json at the root of the asset pack.")
@JsonPropertyOrder({"project", "style", "assets", "warnings"})
public record Manifest(ProjectInfo project, Style style, List<Asset> assets,
        @Schema(description = "Everything a person should know about this export: approved images that did not "
                + "match the plan, older approvals that were left out, plan problems.") List<String> warnings) {

    @Schema(name = "ManifestProject")
    @JsonPropertyOrder({"id", "name", "mode", "created"})
    public record ProjectInfo(
            @Schema(example = "farm-game") String id,
            @Schema(example = "Farm Game") String name,
            @Schema(description = "The project's mode, as chosen at creation (the original app's newest manifest "
                    + "has it between name and created).", enumeration = {"2d", "3d", "hybrid"}, example = "2d")
            String mode,
            @Schema(description = "Creation time, ISO-8601 in UTC with milliseconds.", example = "2025-12-29T10:15:30.123Z")
            String created) {

        private static final DateTimeFormatter CREATED =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

        static ProjectInfo of(ProjectRow project) {
            return new ProjectInfo(project.id(), project.name(), project.mode(), CREATED.format(project.createdAt()));
        }
    }

    @Schema(name = "ManifestStyle", description = "The project's qualities, with the original app's defaults.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"artStyle", "baseResolution", "perspective", "colorPalette", "anchorImagePath", "theme", "mood",
            "gameGenre"})
    public record Style(
            @Schema(example = "Pixel Art", description = "Default \"Pixel Art\".", required = true) String artStyle,
            @Schema(example = "32x32", description = "Default \"32x32\".", required = true) String baseResolution,
            @Schema(example = "side-view", description = "Default \"Top-down\".", required = true) String perspective,
            @Schema(example = "Vibrant", description = "Default \"Vibrant\".", required = true) String colorPalette,
            @Schema(example = "style_anchor.png", description = "Only when the project has a style anchor image.")
            String anchorImagePath,
            String theme,
            String mood,
            String gameGenre) {

        /** The original app's defaults for qualities that are not set. */
        static final String DEFAULT_ART_STYLE = "Pixel Art";
        static final String DEFAULT_BASE_RESOLUTION = "32x32";
        static final String DEFAULT_PERSPECTIVE = "Top-down";
        static final String DEFAULT_COLOR_PALETTE = "Vibrant";

        static Style of(ProjectRow project, Optional<String> anchorPath) {
            return new Style(
                    orDefault(project.artStyle(), DEFAULT_ART_STYLE),
                    orDefault(project.baseResolution(), DEFAULT_BASE_RESOLUTION),
                    orDefault(project.perspective(), DEFAULT_PERSPECTIVE),
                    orDefault(project.colorPalette(), DEFAULT_COLOR_PALETTE),
                    anchorPath.orElse(null),
                    project.theme(), project.mood(), project.gameGenre());
        }

        private static String orDefault(String value, String fallback) {
            return value == null || value.isEmpty() ? fallback : value;
        }
    }

    @Schema(name = "ManifestAsset")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "semanticName", "path", "category", "tags", "dimensions", "frames", "aiDescription",
            "generationMetadata", "assetId", "mediaType", "sha256", "bytes"})
    public record Asset(
            @Schema(description = "Semantic id, unique in the manifest (_2, _3 on collisions).",
                    example = "character_farmer_idle", required = true) String id,
            @Schema(example = "Characters - Farmer (Idle)", required = true) String semanticName,
            @Schema(description = "Path of the image in the ZIP.", example = "characters/character_farmer_idle.png", required = true)
            String path,
            @Schema(description = "The plan category, lower case and singular.", example = "character", required = true) String category,
            @Schema(required = true) List<String> tags,
            @Schema(description = "From the image header, else from the project's base resolution; absent when neither is known.")
            Dimensions dimensions,
            @Schema(example = "4", required = true) int frames,
            @Schema(example = "farmer idle (4-direction)") String aiDescription,
            @Schema(required = true) GenerationMetadata generationMetadata,
            @Schema(description = "The plan asset id the image was approved for.", example = "farm-game-asset-0", required = true)
            String assetId,
            @Schema(example = "image/png", required = true) String mediaType,
            @Schema(description = "SHA-256 of the file, lower-case hex.", required = true) String sha256,
            @Schema(description = "Size of the file in bytes.", required = true) long bytes) {

        static final String UNPLANNED_CATEGORY = "unplanned";
        static final int SINGLE_FRAME = 1;

        /** The entry of an image approved for a plan asset: names, tags and frames come from the plan. */
        static Asset planned(PlannedAsset asset, ApprovedImage image, String id, String path,
                Optional<Dimensions> dimensions, GenerationMetadata generation) {
            String category = nullToEmpty(asset.category());
            String name = nullToEmpty(asset.name());
            Variant variant = asset.variant();
            String variantName = variant == null ? "" : nullToEmpty(variant.name());
            String semanticName = category + " - " + name + (variantName.isEmpty() ? "" : " (" + variantName + ")");
            List<String> tags = new ArrayList<>();
            for (String tag : List.of(category, name, variantName)) {
                if (!tag.isEmpty()) {
                    tags.add(tag.toLowerCase(Locale.ROOT));
                }
            }
            int frames = variant != null && variant.frameCount() != null && variant.frameCount() > 0
                    ? variant.frameCount() : SINGLE_FRAME;
            return new Asset(id, semanticName, path, ExportNames.singular(category), List.copyOf(tags),
                    dimensions.orElse(null), frames, asset.description(), generation, image.assetId(),
                    image.mediaType(), image.sha256(), image.byteSize());
        }

        /** The entry of an image whose asset id the plan does not list: all it has is that id. */
        static Asset unplanned(ApprovedImage image, String id, String path, Optional<Dimensions> dimensions,
                GenerationMetadata generation) {
            return new Asset(id, "Unplanned - " + image.assetId(), path, UNPLANNED_CATEGORY,
                    List.of(UNPLANNED_CATEGORY, image.assetId().toLowerCase(Locale.ROOT)), dimensions.orElse(null),
                    SINGLE_FRAME, null, generation, image.assetId(), image.mediaType(), image.sha256(),
                    image.byteSize());
        }
    }

    @Schema(name = "ManifestDimensions")
    @JsonPropertyOrder({"width", "height"})
    public record Dimensions(int width, int height) {

        private static final Pattern RESOLUTION = Pattern.compile("\\s*(\\d{1,9})\\s*[xX]\\s*(\\d{1,9})\\s*");

        /** The image's own size when known (its columns, else its header), else the project's base resolution. */
        static Optional<Dimensions> of(ApprovedImage image, Optional<ImageInfo> header, Optional<Dimensions> fallback) {
            if (image.hasDimensions()) {
                return Optional.of(new Dimensions(image.width(), image.height()));
            }
            return header.filter(ImageInfo::hasDimensions)
                    .map(info -> new Dimensions(info.width().getAsInt(), info.height().getAsInt()))
                    .or(() -> fallback);
        }

        /** {@code "64x32"}, {@code "64X32"} → 64×32; unset means the original's 32x32; anything else ({@code "Custom"}) → none. */
        static Optional<Dimensions> ofResolution(String baseResolution) {
            String value = baseResolution == null || baseResolution.isEmpty() ? Style.DEFAULT_BASE_RESOLUTION : baseResolution;
            Matcher matcher = RESOLUTION.matcher(value);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            int width = Integer.parseInt(matcher.group(1));
            int height = Integer.parseInt(matcher.group(2));
            return width > 0 && height > 0 ? Optional.of(new Dimensions(width, height)) : Optional.empty();
        }
    }

    @Schema(name = "ManifestGenerationMetadata")
    @JsonPropertyOrder({"prompt", "seed", "model"})
    public record GenerationMetadata(
            @Schema(example = "No prompt recorded") String prompt,
            @Schema(example = "0") long seed,
            @Schema(example = "flux.2-pro") String model) {

        static final String NO_PROMPT = "No prompt recorded";
        private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
        private static final ObjectMapper JSON = new ObjectMapper();

        /**
         * The original's rules ({@code row.seed || metadata.seed || 0}, {@code metadata.model || default}), made
         * safe: metadata that is not an object, a seed that is not a whole number and a model that is not a string
         * fall back instead of failing the export.
         */
        static GenerationMetadata of(ApprovedImage image, String defaultModel) {
            JsonNode metadata = parseObject(image.metadataJson());
            String prompt = image.promptUsed() == null || image.promptUsed().isEmpty() ? NO_PROMPT : image.promptUsed();
            long seed = image.seed() != 0 ? image.seed() : seed(metadata.get("seed"));
            JsonNode model = metadata.get("model");
            String modelName = model != null && model.isTextual() && !model.asText().isBlank() ? model.asText() : defaultModel;
            return new GenerationMetadata(prompt, seed, modelName);
        }

        private static JsonNode parseObject(String json) {
            if (json == null) {
                return JSON.createObjectNode();
            }
            try {
                JsonNode node = JSON.readTree(json);
                return node != null && node.isObject() ? node : JSON.createObjectNode();
            } catch (Exception e) {
                return JSON.createObjectNode();
            }
        }

        private static long seed(JsonNode seed) {
            if (seed == null) {
                return 0;
            }
            if (seed.isIntegralNumber() && seed.canConvertToLong()) {
                return seed.longValue();
            }
            if (seed.isFloatingPointNumber() && seed.canConvertToExactIntegral() && seed.canConvertToLong()) {
                return seed.longValue();
            }
            if (seed.isTextual() && INTEGER.matcher(seed.asText().strip()).matches()) {
                return Long.parseLong(seed.asText().strip());
            }
            return 0;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
