package com.assethatch.project.projects;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response envelopes of the original app's project routes, kept so the frontend needs no change. */
public final class ProjectResponses {

    private ProjectResponses() {
    }

    @Schema(name = "ProjectEnvelope")
    public record One(ProjectView project) {
    }

    /**
     * The original app answered {success, project}; its newest client reads top-level projectId and gameId
     * instead. Both shapes in one body, so either client works.
     */
    @Schema(name = "ProjectCreated")
    public record Created(
            @Schema(example = "true") boolean success,
            @Schema(description = "The new project's id (the same as project.id).", example = "farm-game-01") String projectId,
            @Schema(description = "Always null: no game is created (see Project.gameId).", type = SchemaType.STRING,
                    nullable = true) String gameId,
            ProjectView project) {

        public static Created of(Project project) {
            return new Created(true, project.id(), ProjectView.NO_GAME, ProjectView.of(project));
        }
    }

    @Schema(name = "ProjectList")
    public record Many(@Schema(example = "true") boolean success, List<ProjectView> projects) {
    }

    @Schema(name = "Success")
    public record Done(@Schema(example = "true") boolean success) {
    }
}
