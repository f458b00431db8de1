package com.assethatch.project.projects;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.common.error.ApiError;
import com.assethatch.project.ProjectServiceApi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Project routes of this feature; reading a project with its memory files and deleting one span features ({@code wholeproject}). */
@Path("/api/projects")
@Tag(name = "Projects", description = "Create, read, rename, move through phases and delete projects.")
public class ProjectResource {

    static final int MAX_LIST_LIMIT = 1000;

    private final ProjectService projects;
    private final CurrentUser currentUser;

    public ProjectResource(ProjectService projects, CurrentUser currentUser) {
        this.projects = projects;
        this.currentUser = currentUser;
    }

    @POST
    @Operation(summary = "Create a project",
            description = "The client may choose the id (as the browser database did); otherwise a UUID is generated. "
                    + "Accepts the original app's newest body {name, mode, startWith}; the answer carries both "
                    + "its {success, projectId, gameId} and the older {success, project}.")
    @APIResponse(responseCode = "201", description = "Created; Location points at the project.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectResponses.Created.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid name, id, phase, mode or startWith (e.g. `Name is required`, "
            + "`mode must be one of: 2d, 3d, hybrid`).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "A project with this id already exists.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<ProjectResponses.Created>> create(
            @Valid @NotNull(message = "Name is required") CreateProjectRequest request, UriInfo uriInfo) {
        return projects.create(currentUser.id(), request).map(project -> RestResponse.ResponseBuilder
                .<ProjectResponses.Created>created(uriInfo.getAbsolutePathBuilder().path(project.id()).build())
                .entity(ProjectResponses.Created.of(project))
                .build());
    }

    @GET
    @Operation(summary = "List projects", description = "The caller's projects, most recently updated first.")
    @APIResponse(responseCode = "200", description = "The projects.")
    @APIResponse(responseCode = "400", description = "limit out of range.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<ProjectResponses.Many> list(
            @Parameter(description = "Most projects to return (1-" + MAX_LIST_LIMIT + ").")
            @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "limit must be at least 1")
            @Max(value = MAX_LIST_LIMIT, message = "limit must be at most " + MAX_LIST_LIMIT) int limit) {
        return projects.listRecent(currentUser.id(), limit)
                .map(list -> new ProjectResponses.Many(true, list.stream().map(ProjectView::of).toList()));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a project's phase or name", description = "Absent fields stay as they are.")
    @APIResponse(responseCode = "200", description = "The updated project.")
    @APIResponse(responseCode = "400", description = "`Invalid request body` (unknown phase, empty name...).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    public Uni<ProjectResponses.One> update(@Parameter(description = "Project id.") @PathParam("id") String id,
            @Valid @NotNull(message = "Invalid request body") UpdateProjectRequest request) {
        return projects.update(currentUser.id(), id, request).map(project -> new ProjectResponses.One(ProjectView.of(project)));
    }
}
