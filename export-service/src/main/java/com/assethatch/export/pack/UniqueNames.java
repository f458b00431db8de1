package com.assethatch.export.pack;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hands out file paths and manifest ids for one ZIP, in plan order, so that nothing is overwritten: a name
 * already taken gets {@code _2}, {@code _3}, … Names differing only in case count as taken too, because they
 * collide when the ZIP is unpacked on macOS or Windows. One instance per ZIP; not thread-safe.
 */
public final class UniqueNames {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,10}");

    private final Set<String> takenPaths = new HashSet<>();
    private final Set<String> takenIds = new HashSet<>();
    /*
     * Per name asked for, the suffix to try next: a plan that names thousands of assets alike costs about one try
     * per name, not a walk past every suffix handed out before it.
     */
    private final Map<String, Integer> nextPathSuffix = new HashMap<>();
    private final Map<String, Integer> nextIdSuffix = new HashMap<>();

    /**
     * @param folder     one folder name, as from {@link ExportNames#folder}
     * @param semanticId as from {@link ExportNames#semanticId} (or an asset id, which has the same alphabet)
     * @param extension  png, jpg, webp...; a leading dot is ignored
     * @return "folder/id.ext", or "folder/id_2.ext", "folder/id_3.ext"... when taken
     * @throws IllegalArgumentException if a part could escape its folder or is empty: a programming error
     */
    public String claimPath(String folder, String semanticId, String extension) {
        requireSegment("folder", folder);
        requireSegment("semanticId", semanticId);
        String ext = extension != null && extension.startsWith(".") ? extension.substring(1) : extension;
        if (ext == null || !EXTENSION.matcher(ext).matches()) {
            throw new IllegalArgumentException("extension must be 1 to 10 letters or digits: " + extension);
        }
        String prefix = folder + "/" + semanticId;
        String path = prefix + "." + ext;
        String wanted = path.toLowerCase(Locale.ROOT);
        for (int n = nextPathSuffix.getOrDefault(wanted, 2); !takenPaths.add(path.toLowerCase(Locale.ROOT)); n++) {
            path = prefix + "_" + n + "." + ext;
            nextPathSuffix.put(wanted, n + 1);
        }
        return path;
    }

    /** @return the id, or id_2, id_3... when taken */
    public String claimId(String semanticId) {
        requireSegment("semanticId", semanticId);
        String id = semanticId;
        String wanted = semanticId.toLowerCase(Locale.ROOT);
        for (int n = nextIdSuffix.getOrDefault(wanted, 2); !takenIds.add(id.toLowerCase(Locale.ROOT)); n++) {
            id = semanticId + "_" + n;
            nextIdSuffix.put(wanted, n + 1);
        }
        return id;
    }

    private static void requireSegment(String what, String value) {
        if (value == null || !SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be letters, digits, '_' or '-' only: " + value);
        }
    }
}
