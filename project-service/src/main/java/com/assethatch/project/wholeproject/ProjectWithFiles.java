package com.assethatch.project.wholeproject;

import com.assethatch.project.memoryfiles.MemoryFile;
import com.assethatch.project.projects.ProjectView;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /api/projects/{id}: the project with its memory files, as the original app returned it. */
@Schema(name = "ProjectWithMemoryFiles", description = "A project (see Project) plus its memory files.")
public record ProjectWithFiles(
        @JsonUnwrapped ProjectView project,
        @Schema(description = "The project's memory files, newest first.") List<MemoryFile> memoryFiles) {

    @Schema(name = "ProjectWithMemoryFilesEnvelope")
    public record Envelope(ProjectWithFiles project) {
    }
}
