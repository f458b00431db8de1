package com.assethatch.project.projects;

import com.assethatch.common.ids.ProjectIds;
import com.assethatch.common.validation.OneOf;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewProject", description = "A new project. Only the name is required; the original app's newest client "
        + "sends {name, mode, startWith}, older ones {name}.")
public record CreateProjectRequest(
        @Schema(description = "Id chosen by the client (e.g. the browser's own id); generated when absent.",
                example = "farm-game-01", pattern = ProjectIds.PATTERN)
        @Pattern(regexp = ProjectIds.PATTERN, message = ProjectIds.RULE)
        String id,

        @Schema(description = "Display name; also names the exported ZIP.", example = "Farm Game", maxLength = ProjectIds.MAX_NAME_LENGTH)
        @NotBlank(message = "Name is required")
        @Size(max = ProjectIds.MAX_NAME_LENGTH, message = "Name is too long (at most 200 characters)")
        String name,

        @Schema(description = "Starting phase; planning when absent.", ref = "Phase")
        @OneOf(value = Phase.class, message = Phase.ONE_OF)
        String phase,

        @Schema(description = "What the assets are for; 2d when absent. Returned by every read of the project.",
                ref = "ProjectMode")
        @OneOf(value = Mode.class, message = Mode.ONE_OF)
        String mode,

        @Schema(description = "Where the original app opens the project; accepted and ignored (no game is created).",
                ref = "ProjectStartWith")
        @OneOf(value = StartWith.class, message = StartWith.ONE_OF)
        String startWith,

        @Schema(description = "Ignored: the owner is always the caller (the original frontend sent its session user's id "
                + "here). Accepted so that such bodies stay valid.", example = "user-42", deprecated = true)
        @Size(max = ProjectIds.MAX_NAME_LENGTH, message = "userId is too long (at most 200 characters)")
        String userId) {
}
