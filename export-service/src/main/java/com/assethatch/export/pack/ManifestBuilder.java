package com.assethatch.export.pack;

import com.assethatch.common.image.ImageFormat;
import com.assethatch.common.image.ImageInfo;
import com.assethatch.export.pack.ExportRows.AnchorImage;
import com.assethatch.export.pack.ExportRows.ApprovedImage;
import com.assethatch.export.pack.ExportRows.ProjectRow;
import com.assethatch.export.plan.ExportOrder;
import com.assethatch.export.plan.PlanParser;
import com.assethatch.export.plan.PlannedAsset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which approved image goes where in the ZIP (docs/plan-format.md, "Export names"), as a pure function of
 * one snapshot's rows. The manifest records make their own fields ({@link Manifest}); names come from
 * {@link ExportNames} and {@link UniqueNames}.
 *
 * <ul>
 *   <li>The plan is matched in its {@link ExportOrder}, so an image approved under a composite id ({@code p-asset-0})
 *       and one approved under a granular id ({@code p-asset-0-front}) both find their plan asset.</li>
 *   <li>Several approved images for one plan asset: the newest (created_at, then id) is exported, the
 *       others are named in {@code warnings}.</li>
 *   <li>An approved image that matches no plan asset goes to {@code unplanned/<asset id>.<ext>} with a
 *       warning: nothing approved is dropped silently.</li>
 *   <li>Paths and ids are sanitised and made unique ({@code _2}, {@code _3}); nothing is overwritten.</li>
 * </ul>
 */
@ApplicationScoped
public class ManifestBuilder {

    static final String ANCHOR_NAME = "style_anchor";
    static final String UNPLANNED_FOLDER = "unplanned";
    static final String UNKNOWN_EXTENSION = "bin";

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
     * @param approved the project's approved images, in any order
     * @param sniffed  sizes read from the image headers of approved images whose width/height columns are empty
     */
    public PackLayout build(ProjectRow project, String planMarkdown, List<ApprovedImage> approved,
            Optional<AnchorImage> anchor, Map<String, ImageInfo> sniffed) {
        Set<String> warnings = new LinkedHashSet<>();
        ExportOrder plan = parser.exportOrder(planMarkdown, project.id());
        plan.warnings().forEach(w -> warnings.add("Plan: " + w));
        Map<String, List<ApprovedImage>> imagesByAsset = approved.stream()
                .sorted(ApprovedImage.OLDEST_FIRST)
                .collect(Collectors.groupingBy(ApprovedImage::assetId, LinkedHashMap::new, Collectors.toList()));
        Layout layout = new Layout(project, sniffed, warnings);

        for (ExportOrder.Entry entry : plan.entries()) {
            layout.addPlanned(entry.asset(), imagesByAsset.remove(entry.asset().id()));
            for (PlannedAsset direction : entry.directions()) {
                layout.addPlanned(direction, imagesByAsset.remove(direction.id()));
            }
        }
        imagesByAsset.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(ApprovedImage::assetId).thenComparing(ApprovedImage.OLDEST_FIRST))
                .forEach(layout::addUnplanned);

        Optional<PackLayout.File> anchorFile = anchor.map(a -> new PackLayout.File(
                ANCHOR_NAME + "." + extension(a.mediaType()).orElse(UNKNOWN_EXTENSION), null, a.sha256(), a.byteSize()));
        Manifest manifest = new Manifest(Manifest.ProjectInfo.of(project),
                Manifest.Style.of(project, anchorFile.map(PackLayout.File::path)),
                List.copyOf(layout.entries), List.copyOf(warnings));
        return new PackLayout(project, manifest, anchorFile, List.copyOf(layout.files));
    }

    /** The files and manifest entries of one ZIP, in the order they are added; names are claimed as they come. */
    private final class Layout {

        private final UniqueNames names = new UniqueNames();
        private final List<Manifest.Asset> entries = new ArrayList<>();
        private final List<PackLayout.File> files = new ArrayList<>();
        private final Map<String, ImageInfo> sniffed;
        private final Optional<Manifest.Dimensions> fallbackSize;
        private final Set<String> warnings;

        Layout(ProjectRow project, Map<String, ImageInfo> sniffed, Set<String> warnings) {
            this.sniffed = sniffed;
            this.fallbackSize = Manifest.Dimensions.ofResolution(project.baseResolution());
            this.warnings = warnings;
        }

        /** @param images the images approved for this plan asset, oldest first; null when there are none */
        void addPlanned(PlannedAsset asset, List<ApprovedImage> images) {
            if (images == null) {
                return;
            }
            ApprovedImage newest = images.get(images.size() - 1);
            String semanticId = ExportNames.semanticId(asset);
            String path = names.claimPath(ExportNames.folder(asset.category()), semanticId, extension(newest));
            Manifest.Asset entry = Manifest.Asset.planned(asset, newest, names.claimId(semanticId), path,
                    size(newest), Manifest.GenerationMetadata.of(newest, defaultModel));
            if (images.size() > 1) {
                warnings.add("Plan asset " + asset.id() + " (" + entry.semanticName() + ") has " + images.size()
                        + " approved images: exported the newest (" + newest.id() + ") as " + path + "; left out "
                        + images.subList(0, images.size() - 1).stream().map(ApprovedImage::id)
                        .collect(Collectors.joining(", ")));
            }
            add(entry, newest);
        }

        void addUnplanned(ApprovedImage image) {
            String name = ExportNames.unplanned(image.assetId());
            String path = names.claimPath(UNPLANNED_FOLDER, name, extension(image));
            warnings.add("Approved image " + image.id() + " is for asset " + image.assetId()
                    + ", which is not in the plan: exported as " + path);
            add(Manifest.Asset.unplanned(image, names.claimId(name), path, size(image),
                    Manifest.GenerationMetadata.of(image, defaultModel)), image);
        }

        private void add(Manifest.Asset entry, ApprovedImage image) {
            entries.add(entry);
            files.add(new PackLayout.File(entry.path(), image.id(), image.sha256(), image.byteSize()));
        }

        private Optional<Manifest.Dimensions> size(ApprovedImage image) {
            return Manifest.Dimensions.of(image, Optional.ofNullable(sniffed.get(image.id())), fallbackSize);
        }

        private String extension(ApprovedImage image) {
            return ManifestBuilder.extension(image.mediaType()).orElseGet(() -> {
                warnings.add("Approved image " + image.id() + " has the unknown media type " + image.mediaType()
                        + ": exported with the extension ." + UNKNOWN_EXTENSION);
                return UNKNOWN_EXTENSION;
            });
        }
    }

    private static Optional<String> extension(String mediaType) {
        return mediaType == null ? Optional.empty() : ImageFormat.ofMediaType(mediaType).map(ImageFormat::extension);
    }
}
