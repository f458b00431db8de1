package com.assethatch.project.memoryfiles;

import com.assethatch.project.cache.Versioned;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project memory file; {@code entities.json} holds the markdown asset plan (markdown, never JSON). */
@Schema(name = "MemoryFile")
public record MemoryFile(
        @Schema(description = "`<projectId>-<type>`, the id the browser database uses too.", example = "farm-game-01-entities.json")
        String id,
        @Schema(example = "farm-game-01") String projectId,
        @Schema(example = "entities.json") MemoryFileType type,
        @Schema(example = "# Asset Plan\n## Characters\n- Farmer\n  - Idle (4-direction)") String content,
        @Schema(example = "57") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements Versioned {

    /** The browser database stores memory files under this id; using it here keeps both sides on one id. */
    static String idOf(String projectId, String type) {
        return projectId + "-" + type;
    }
}
