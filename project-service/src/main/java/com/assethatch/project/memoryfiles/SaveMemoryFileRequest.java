package com.assethatch.project.memoryfiles;

import com.assethatch.common.validation.OneOf;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MemoryFileContent", description = "Creates the project's file of this type or replaces its content.")
public record SaveMemoryFileRequest(
        @Schema(ref = "MemoryFileType", example = "entities.json", required = true)
        @NotNull(message = MemoryFileType.RULE)
        @OneOf(value = MemoryFileType.class, message = MemoryFileType.ONE_OF)
        String type,

        @Schema(description = "The file's text; for entities.json the markdown plan.", maxLength = SaveMemoryFileRequest.MAX_CONTENT_LENGTH,
                example = "# Asset Plan\n## Characters\n- Farmer\n  - Idle (4-direction)")
        @NotEmpty(message = "Content cannot be empty")
        @Size(max = SaveMemoryFileRequest.MAX_CONTENT_LENGTH, message = "Content too large (max 10MB)")
        String content) {

    /** The original's limit (zod {@code max(10_000_000)}), in characters. */
    static final int MAX_CONTENT_LENGTH = 10_000_000;
}
