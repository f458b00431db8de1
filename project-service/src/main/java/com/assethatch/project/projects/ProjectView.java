package com.assethatch.project.projects;

import com.assethatch.project.events.ChangePayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project as the original app's routes returned it (camelCase qualities, {@code userId}), plus its version. */
@Schema(name = "Project")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProjectView(
        @Schema(example = "farm-game-01") String id,
        @Schema(example = "Farm Game") String name,
        Phase phase,
        Mode mode,
        @Schema(description = "The linked game project in the original app's game studio; always null here (this backend "
                + "has no games).", type = SchemaType.STRING, nullable = true) String gameId,
        @Schema(description = "The owner's user id: the caller who created the project.") String userId,
        @Schema(example = "Pixel Art (16-bit)", nullable = true) String artStyle,
        @Schema(example = "32x32", nullable = true) String baseResolution,
        @Schema(example = "side-view", nullable = true) String perspective,
        @Schema(example = "Platformer", nullable = true) String gameGenre,
        @Schema(nullable = true) String theme,
        @Schema(nullable = true) String mood,
        @Schema(example = "Vibrant", nullable = true) String colorPalette,
        @Schema(description = "Changes with every committed change; also the qualities ETag.", example = "42") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements ChangePayload {

    /** This backend has no game studio, so no project is ever linked to a game. */
    static final String NO_GAME = null;

    public static ProjectView of(Project project) {
        var q = project.qualities();
        return new ProjectView(project.id(), project.name(), project.phase(), project.mode(), NO_GAME, project.ownerId(),
                q.artStyle(), q.baseResolution(), q.perspective(), q.gameGenre(), q.theme(), q.mood(),
                q.colorPalette(), project.version(), project.createdAt(), project.updatedAt());
    }
}
