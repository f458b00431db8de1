package com.assethatch.export.export;

import com.assethatch.common.image.ImageFormat;
import com.assethatch.common.image.ImageInfo;
import com.assethatch.export.export.ExportRows.AnchorImage;
import com.assethatch.export.export.ExportRows.ApprovedImage;
import com.assethatch.export.export.ExportRows.ProjectRow;
import com.assethatch.export.plan.ExportNames;
import com.assethatch.export.plan.ParseMode;
import com.assethatch.export.plan.ParsedPlan;
import com.assethatch.export.plan.PlanParser;
import com.assethatch.export.plan.PlannedAsset;
import com.assethatch.export.plan.UniqueNames;
import com.assethatch.export.plan.Variant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The export rules (DESIGN.md "Export rules", PLAN_FORMAT.md "Export names"), as a pure function of one
 * snapshot's rows: which approved image goes where in the ZIP and what the manifest says about it.
 *
 * <ul>
 *   <li>The plan is parsed in both modes, so an image approved under a composite id ({@code p-asset-0}) and
 *       one approved under a granular id ({@code p-asset-0-front}) both find their plan asset.</li>
 *   <li>Several approved images for one plan asset: the newest (created_at, then id) is exported, the
 *       others are named in {@code warnings}.</li>
 *   <li>An approved image that matches no plan asset goes to {@code unplanned/<asset id>.<ext>} with a
 *       warning: nothing approved is dropped silently.</li>
 *   <li>Paths and ids are sanitised and made unique ({@code _2}, {@code _3}); nothing is overwritten.</li>
 * </ul>
 */
@ApplicationScoped
public class ManifestBuilder {

    static final String MANIFEST_PATH = "manifest.json";
    static final String ANCHOR_NAME = "style_anchor";
    static final String UNPLANNED_FOLDER = "unplanned";
    static final String UNPLANNED_CATEGORY = "unplanned";
    /** The original app's defaults for qualities that are not set. */
    static final String DEFAULT_ART_STYLE = "Pixel Art";
    static final String DEFAULT_BASE_RESOLUTION = "32x32";
    static final String DEFAULT_PERSPECTIVE = "Top-down";
    static final String DEFAULT_COLOR_PALETTE = "Vibrant";
    static final String NO_PROMPT = "No prompt recorded";
    static final int SINGLE_FRAME = 1;
    static final String UNKNOWN_EXTENSION = "bin";

    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern RESOLUTION = Pattern.compile("\\s*(\\d{1,9})\\s*[xX]\\s*(\\d{1,9})\\s*");
    private static final Pattern NOT_FILE_CHAR = Pattern.compile("[^A-Za-z0-9_-]+");
    private static final Pattern UNDERSCORES = Pattern.compile("_{2,}");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final int MAX_UNPLANNED_NAME_LENGTH = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlanParser parser;
    private final String defaultModel;

    @Inject
    public ManifestBuilder(PlanParser parser, ExportConfig config) {
        this(parser, config.defaultModel());
    }

    ManifestBuilder(PlanParser parser, String defaultModel) {
        this.parser = parser;
        this.defaultModel = defaultModel;
    }

    /**
     * @param approved the project's approved images, oldest first
     * @param sniffed  sizes read from the image headers of approved images whose width/height columns are empty
     */
    public ExportPlan build(ProjectRow project, String planMarkdown, List<ApprovedImage> approved,
            Optional<AnchorImage> anchor, Map<String, ImageInfo> sniffed) {
        Set<String> warnings = new LinkedHashSet<>();
        List<PlannedAsset> plan = planInOrder(planMarkdown, project.id(), warnings);
        Map<String, List<ApprovedImage>> imagesByAsset = approved.stream()
                .sorted(ApprovedImage.OLDEST_FIRST)
                .collect(Collectors.groupingBy(ApprovedImage::assetId, LinkedHashMap::new, Collectors.toList()));

        UniqueNames names = new UniqueNames();
        List<Manifest.Asset> entries = new ArrayList<>();
        List<ExportPlan.File> files = new ArrayList<>();
        Optional<Manifest.Dimensions> fallbackSize = resolution(project.baseResolution());

        for (PlannedAsset asset : plan) {
            List<ApprovedImage> images = imagesByAsset.remove(asset.id());
            if (images == null) {
                continue;
            }
            ApprovedImage newest = images.get(images.size() - 1);
            String extension = extension(newest, warnings);
            String semanticId = ExportNames.semanticId(asset);
            String path = names.claimPath(ExportNames.folder(asset.category()), semanticId, extension);
            Manifest.Asset entry = plannedEntry(asset, newest, names.claimId(semanticId), path,
                    size(newest, sniffed, fallbackSize));
            if (images.size() > 1) {
                warnings.add("Plan asset " + asset.id() + " (" + entry.semanticName() + ") has " + images.size()
                        + " approved images: exported the newest (" + newest.id() + ") as " + path + "; left out "
                        + images.subList(0, images.size() - 1).stream().map(ApprovedImage::id)
                        .collect(Collectors.joining(", ")));
            }
            entries.add(entry);
            files.add(new ExportPlan.File(path, newest.id(), newest.sha256(), newest.byteSize()));
        }

        List<ApprovedImage> unplanned = imagesByAsset.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(ApprovedImage::assetId).thenComparing(ApprovedImage.OLDEST_FIRST))
                .toList();
        for (ApprovedImage image : unplanned) {
            String name = unplannedName(image.assetId());
            String path = names.claimPath(UNPLANNED_FOLDER, name, extension(image, warnings));
            warnings.add("Approved image " + image.id() + " is for asset " + image.assetId()
                    + ", which is not in the plan: exported as " + path);
            entries.add(unplannedEntry(image, names.claimId(name), path, size(image, sniffed, fallbackSize)));
            files.add(new ExportPlan.File(path, image.id(), image.sha256(), image.byteSize()));
        }

        Optional<ExportPlan.File> anchorFile = anchor.map(a -> new ExportPlan.File(
                ANCHOR_NAME + "." + extension(a.mediaType()).orElse(UNKNOWN_EXTENSION), null, a.sha256(), a.byteSize()));
        Manifest manifest = new Manifest(projectInfo(project), style(project, anchorFile.map(ExportPlan.File::path)),
                List.copyOf(entries), List.copyOf(warnings));
        return new ExportPlan(project, manifest, anchorFile, List.copyOf(files));
    }

    /**
     * The plan's assets in plan order, under both their composite and their granular ids: each composite
     * asset is followed by the granular assets it expands to (a multi-direction variant's directions).
     */
    List<PlannedAsset> planInOrder(String markdown, String projectId, Set<String> warnings) {
        ParsedPlan composite = parser.parse(markdown, ParseMode.COMPOSITE, projectId);
        ParsedPlan granular = parser.parse(markdown, ParseMode.GRANULAR, projectId);
        composite.warnings().forEach(w -> warnings.add("Plan: " + w));
        granular.warnings().forEach(w -> warnings.add("Plan: " + w));

        Map<String, PlannedAsset> ordered = new LinkedHashMap<>();
        Set<String> compositeIds = composite.assets().stream().map(PlannedAsset::id).collect(Collectors.toSet());
        Map<String, List<PlannedAsset>> expansions = new LinkedHashMap<>();
        List<PlannedAsset> others = new ArrayList<>();
        for (PlannedAsset asset : granular.assets()) {
            if (compositeIds.contains(asset.id())) {
                continue;
            }
            Optional<String> base = directionBase(asset).filter(compositeIds::contains);
            if (base.isPresent()) {
                expansions.computeIfAbsent(base.get(), id -> new ArrayList<>()).add(asset);
            } else {
                others.add(asset);
            }
        }
        for (PlannedAsset asset : composite.assets()) {
            ordered.putIfAbsent(asset.id(), asset);
            expansions.getOrDefault(asset.id(), List.of()).forEach(g -> ordered.putIfAbsent(g.id(), g));
        }
        others.forEach(g -> ordered.putIfAbsent(g.id(), g));
        return List.copyOf(ordered.values());
    }

    /** {@code p-asset-0-front} with direction {@code front} → {@code p-asset-0}. */
    private static Optional<String> directionBase(PlannedAsset asset) {
        String direction = asset.variant() == null ? null : asset.variant().direction();
        String suffix = "-" + direction;
        if (direction == null || asset.id() == null || !asset.id().endsWith(suffix)) {
            return Optional.empty();
        }
        return Optional.of(asset.id().substring(0, asset.id().length() - suffix.length()));
    }

    private Manifest.Asset plannedEntry(PlannedAsset asset, ApprovedImage image, String id, String path,
            Optional<Manifest.Dimensions> size) {
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
        return new Manifest.Asset(id, semanticName, path, ExportNames.singular(category), List.copyOf(tags),
                size.orElse(null), frames, asset.description(), generationMetadata(image), image.assetId(),
                image.mediaType(), image.sha256(), image.byteSize());
    }

    private Manifest.Asset unplannedEntry(ApprovedImage image, String id, String path,
            Optional<Manifest.Dimensions> size) {
        return new Manifest.Asset(id, "Unplanned - " + image.assetId(), path, UNPLANNED_CATEGORY,
                List.of(UNPLANNED_CATEGORY, image.assetId().toLowerCase(Locale.ROOT)), size.orElse(null), SINGLE_FRAME,
                null, generationMetadata(image), image.assetId(), image.mediaType(), image.sha256(), image.byteSize());
    }

    /**
     * The original's rules ({@code row.seed || metadata.seed || 0}, {@code metadata.model || default}), made safe:
     * metadata that is not an object, a seed that is not a whole number and a model that is not a string fall
     * back instead of failing the export.
     */
    Manifest.GenerationMetadata generationMetadata(ApprovedImage image) {
        JsonNode metadata = parseObject(image.metadataJson());
        String prompt = image.promptUsed() == null || image.promptUsed().isEmpty() ? NO_PROMPT : image.promptUsed();
        long seed = image.seed() != 0 ? image.seed() : seed(metadata.get("seed"));
        JsonNode model = metadata.get("model");
        String modelName = model != null && model.isTextual() && !model.asText().isBlank() ? model.asText() : defaultModel;
        return new Manifest.GenerationMetadata(prompt, seed, modelName);
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

    /** The image's own size when known (columns, else its header), else the project's base resolution. */
    private static Optional<Manifest.Dimensions> size(ApprovedImage image, Map<String, ImageInfo> sniffed,
            Optional<Manifest.Dimensions> fallback) {
        if (image.hasDimensions()) {
            return Optional.of(new Manifest.Dimensions(image.width(), image.height()));
        }
        ImageInfo info = sniffed.get(image.id());
        if (info != null && info.hasDimensions()) {
            return Optional.of(new Manifest.Dimensions(info.width().getAsInt(), info.height().getAsInt()));
        }
        return fallback;
    }

    /** {@code "64x32"}, {@code "64X32"} → 64×32; unset means the original's 32x32; anything else ({@code "Custom"}) → none. */
    static Optional<Manifest.Dimensions> resolution(String baseResolution) {
        String value = baseResolution == null || baseResolution.isEmpty() ? DEFAULT_BASE_RESOLUTION : baseResolution;
        Matcher matcher = RESOLUTION.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int width = Integer.parseInt(matcher.group(1));
        int height = Integer.parseInt(matcher.group(2));
        return width > 0 && height > 0 ? Optional.of(new Manifest.Dimensions(width, height)) : Optional.empty();
    }

    private static String extension(ApprovedImage image, Set<String> warnings) {
        return extension(image.mediaType()).orElseGet(() -> {
            warnings.add("Approved image " + image.id() + " has the unknown media type " + image.mediaType()
                    + ": exported with the extension ." + UNKNOWN_EXTENSION);
            return UNKNOWN_EXTENSION;
        });
    }

    private static Optional<String> extension(String mediaType) {
        return mediaType == null ? Optional.empty() : ImageFormat.ofMediaType(mediaType).map(ImageFormat::extension);
    }

    /** An asset id as a file name: letters, digits, '_' and '-' only, never empty. */
    static String unplannedName(String assetId) {
        String cleaned = NOT_FILE_CHAR.matcher(nullToEmpty(assetId)).replaceAll("_");
        cleaned = UNDERSCORES.matcher(cleaned).replaceAll("_");
        if (cleaned.length() > MAX_UNPLANNED_NAME_LENGTH) {
            cleaned = cleaned.substring(0, MAX_UNPLANNED_NAME_LENGTH);
        }
        cleaned = cleaned.replaceAll("^_+|_+$", "");
        return cleaned.isEmpty() ? ExportNames.FALLBACK_ID : cleaned;
    }

    private static Manifest.ProjectInfo projectInfo(ProjectRow project) {
        return new Manifest.ProjectInfo(project.id(), project.name(), CREATED.format(project.createdAt()));
    }

    private static Manifest.Style style(ProjectRow project, Optional<String> anchorPath) {
        return new Manifest.Style(
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

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
