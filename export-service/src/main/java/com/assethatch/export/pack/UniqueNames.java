package com.assethatch.export.pack;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
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
        return claim(prefix + "." + ext, n -> prefix + "_" + n + "." + ext, takenPaths, nextPathSuffix);
    }

    /** @return the id, or id_2, id_3... when taken */
    public String claimId(String semanticId) {
        requireSegment("semanticId", semanticId);
        return claim(semanticId, n -> semanticId + "_" + n, takenIds, nextIdSuffix);
    }

    /** The name, or its numbered form from the next suffix not tried yet for it, whichever is free first. */
    private static String claim(String name, IntFunction<String> numbered, Set<String> taken,
            Map<String, Integer> nextSuffix) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String claimed = name;
        for (int n = nextSuffix.getOrDefault(wanted, 2); !taken.add(claimed.toLowerCase(Locale.ROOT)); n++) {
            claimed = numbered.apply(n);
            nextSuffix.put(wanted, n + 1);
        }
        return claimed;
    }

    private static void requireSegment(String what, String value) {
        if (value == null || !SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be letters, digits, '_' or '-' only: " + value);
        }
    }
}
