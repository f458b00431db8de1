package com.assethatch.project.memoryfiles;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Creates the project's file of this type or replaces its content.")
public record SaveMemoryFileRequest(
        @Schema(enumeration = {"project.json", "entities.json", "style-anchor.json", "generation-log.json",
                "conversation.json", "style-draft.json"}, example = "entities.json")
        @NotNull(message = MemoryFileTypes.RULE)
        @Pattern(regexp = MemoryFileTypes.PATTERN, message = MemoryFileTypes.RULE)
        String type,

        @Schema(description = "The file's text; for entities.json the markdown plan.", maxLength = MemoryFileTypes.MAX_CONTENT_LENGTH,
                example = "# Asset Plan\n## Characters\n- Farmer\n  - Idle (4-direction)")
        @NotEmpty(message = "Content cannot be empty")
        @Size(max = MemoryFileTypes.MAX_CONTENT_LENGTH, message = "Content too large (max 10MB)")
        String content) {
}
