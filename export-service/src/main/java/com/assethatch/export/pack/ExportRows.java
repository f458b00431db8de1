package com.assethatch.export.pack;

import com.assethatch.common.image.ImageInfo;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the export reads from Postgres in its first pass: everything but image bytes. */
public final class ExportRows {

    private ExportRows() {
    }

    /** A project and its qualities (null when unset). */
    public record ProjectRow(String id, String name, String mode, OffsetDateTime createdAt, String artStyle, String baseResolution,
            String perspective, String gameGenre, String theme, String mood, String colorPalette) {
    }

    /** An approved generated asset without its bytes. {@code metadataJson} is the stored JSON as text. */
    public record ApprovedImage(String id, String assetId, String mediaType, long byteSize, String sha256,
            Integer width, Integer height, String metadataJson, long seed, String promptUsed,
            OffsetDateTime createdAt) {

        /** Newest last: by creation time, then by id. */
        public static final Comparator<ApprovedImage> OLDEST_FIRST =
                Comparator.comparing(ApprovedImage::createdAt).thenComparing(ApprovedImage::id);

        public boolean hasDimensions() {
            return width != null && height != null && width > 0 && height > 0;
        }
    }

    /** The project's style anchor image, without its bytes. */
    public record AnchorImage(String mediaType, long byteSize, String sha256) {
    }

    /**
     * Everything one export reads before its first byte.
     *
     * @param sniffed sizes read from the headers of approved images whose width/height columns are empty
     */
    public record Read(ProjectRow project, List<ApprovedImage> approved, String planMarkdown,
            Optional<AnchorImage> anchor, Map<String, ImageInfo> sniffed) {
    }
}
