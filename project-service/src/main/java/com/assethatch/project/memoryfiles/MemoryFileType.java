package com.assethatch.project.memoryfiles;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The memory files the original app writes, by file name; anything else is rejected. */
public enum MemoryFileType {
    PROJECT("project.json"),
    /** The markdown asset plan (markdown, despite the name). */
    ENTITIES("entities.json"),
    STYLE_ANCHOR("style-anchor.json"),
    GENERATION_LOG("generation-log.json"),
    CONVERSATION("conversation.json"),
    STYLE_DRAFT("style-draft.json");

    /** For {@code @OneOf}: the allowed values are filled in from the constants. */
    public static final String ONE_OF = "Invalid type: expected one of {values}";
    /** The same message where no validator runs (a missing type); MemoryFileTypeTest keeps it equal to the constants. */
    public static final String RULE = "Invalid type: expected one of project.json, entities.json, style-anchor.json, "
            + "generation-log.json, conversation.json, style-draft.json";

    private final String fileName;

    MemoryFileType(String fileName) {
        this.fileName = fileName;
    }

    @JsonValue
    public String fileName() {
        return fileName;
    }

    public static MemoryFileType of(String fileName) {
        return Arrays.stream(values()).filter(type -> type.fileName.equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown memory file type: " + fileName));
    }
}
