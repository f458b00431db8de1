package com.assethatch.project.projects;

import com.assethatch.project.events.ChangePayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project as the original app's routes returned it (camelCase qualities, {@code userId}), plus its version. */
@Schema(name = "Project")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProjectView(
        @Schema(example = "farm-game-01") String id,
        @Schema(example = "Farm Game") String name,
        Phase phase,
        @Schema(description = "The owner's user id: the caller who created the project.") String userId,
        @Schema(example = "Pixel Art (16-bit)") String artStyle,
        @Schema(example = "32x32") String baseResolution,
        @Schema(example = "side-view") String perspective,
        @Schema(example = "Platformer") String gameGenre,
        String theme,
        String mood,
        @Schema(example = "Vibrant") String colorPalette,
        @Schema(description = "Changes with every committed change; also the qualities ETag.", example = "42") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements ChangePayload {

    public static ProjectView of(Project project) {
        var q = project.qualities();
        return new ProjectView(project.id(), project.name(), project.phase(), project.ownerId(),
                q.artStyle(), q.baseResolution(), q.perspective(), q.gameGenre(), q.theme(), q.mood(),
                q.colorPalette(), project.version(), project.createdAt(), project.updatedAt());
    }
}
