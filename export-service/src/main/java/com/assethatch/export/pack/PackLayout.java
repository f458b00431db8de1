package com.assethatch.export.pack;

import com.assethatch.export.pack.ExportRows.ProjectRow;
import com.assethatch.export.zip.ZipLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The ZIP's layout, decided before the first byte is sent: {@code manifest.json} first, then the style anchor,
 * then the images, each with the path, size and sha256 the manifest promises.
 *
 * @param anchor the style anchor image, written right after the manifest
 * @param images the approved images: plan order first, then the unplanned ones
 */
public record PackLayout(ProjectRow project, Manifest manifest, Optional<File> anchor, List<File> images) {

    static final String MANIFEST_PATH = "manifest.json";

    /**
     * Checks every entry name before anything is sent: a name that could escape the archive or that is used
     * twice (ignoring case, as macOS and Windows do) is a bug, better a 500 now than a truncated download later.
     */
    public PackLayout {
        Set<String> names = new HashSet<>();
        names.add(MANIFEST_PATH);
        List<File> files = new ArrayList<>();
        anchor.ifPresent(files::add);
        files.addAll(images);
        for (File file : files) {
            ZipLayout.requireSafeName(file.path());
            if (!names.add(file.path().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("Two files of the export are named " + file.path());
            }
        }
    }

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
