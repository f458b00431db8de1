package com.assethatch.export.export;

import com.assethatch.export.export.ExportRows.ProjectRow;
import java.util.List;
import java.util.Optional;

/**
 * Everything decided before the first byte is sent: the manifest and, in ZIP order, the files to stream.
 *
 * @param anchor the style anchor image, written right after the manifest
 * @param images the approved images: plan order first, then the unplanned ones
 */
public record ExportPlan(ProjectRow project, Manifest manifest, Optional<File> anchor, List<File> images) {

    /**
     * One file of the ZIP.
     *
     * @param imageId the generated_asset row to read the bytes from (null for the style anchor)
     */
    public record File(String path, String imageId, String sha256, long bytes) {
    }

    public int fileCount() {
        return images.size() + (anchor.isPresent() ? 1 : 0);
    }
}
