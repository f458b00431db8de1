package com.assethatch.project.wholeproject;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.project.ProjectServiceApi;
import com.assethatch.project.memoryfiles.MemoryFileService;
import com.assethatch.project.projects.ProjectResponses;
import com.assethatch.project.projects.ProjectService;
import com.assethatch.project.projects.ProjectView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The project routes that span features: a project with its memory files, and the delete cascade. */
@Path("/api/projects")
@Tag(name = "Projects")
public class WholeProjectResource {

    private final ProjectService projects;
    private final MemoryFileService memoryFiles;
    private final ProjectDeletion deletion;
    private final CurrentUser currentUser;

    public WholeProjectResource(ProjectService projects, MemoryFileService memoryFiles, ProjectDeletion deletion, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.projects = projects;
        this.memoryFiles = memoryFiles;
        this.deletion = deletion;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a project",
            description = "With its memory files, as the original returned it. Served from the cache tier when it holds "
                    + "the current version.")
    @APIResponse(responseCode = "200", description = "The project.")
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    public Uni<ProjectWithFiles.Envelope> get(@Parameter(description = "Project id.") @PathParam("id") String id) {
        return projects.get(currentUser.id(), id).flatMap(project -> memoryFiles.filesOf(id, Optional.empty())
                .map(files -> new ProjectWithFiles.Envelope(new ProjectWithFiles(ProjectView.of(project), files))));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a project",
            description = "Deletes its memory files, assets and style anchor too, and clears its cache entries.")
    @APIResponse(responseCode = "200", description = "Deleted.")
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    public Uni<ProjectResponses.Done> delete(@Parameter(description = "Project id.") @PathParam("id") String id) {
        return deletion.delete(currentUser.id(), id).replaceWith(new ProjectResponses.Done(true));
    }
}
