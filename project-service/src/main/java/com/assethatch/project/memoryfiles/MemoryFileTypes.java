package com.assethatch.project.memoryfiles;

import java.util.List;

/** The memory file types the original app writes; anything else is rejected. */
public final class MemoryFileTypes {

    public static final List<String> ALL = List.of("project.json", "entities.json", "style-anchor.json",
            "generation-log.json", "conversation.json", "style-draft.json");
    /** Regular expression of {@link #ALL}, for validation. */
    public static final String PATTERN =
            "project\\.json|entities\\.json|style-anchor\\.json|generation-log\\.json|conversation\\.json|style-draft\\.json";
    public static final String RULE = "Invalid type: expected one of project.json, entities.json, style-anchor.json, "
            + "generation-log.json, conversation.json, style-draft.json";
    /** The original's limit (zod {@code max(10_000_000)}), in characters. */
    public static final int MAX_CONTENT_LENGTH = 10_000_000;

    private MemoryFileTypes() {
    }
}
