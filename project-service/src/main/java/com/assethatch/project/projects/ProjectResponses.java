package com.assethatch.project.projects;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response envelopes of the original app's project routes, kept so the frontend needs no change. */
public final class ProjectResponses {

    private ProjectResponses() {
    }

    @Schema(name = "ProjectEnvelope")
    public record One(ProjectView project) {
    }

    @Schema(name = "ProjectCreated")
    public record Created(@Schema(example = "true") boolean success, ProjectView project) {
    }

    @Schema(name = "ProjectList")
    public record Many(@Schema(example = "true") boolean success, List<ProjectView> projects) {
    }

    @Schema(name = "Success")
    public record Done(@Schema(example = "true") boolean success) {
    }
}
