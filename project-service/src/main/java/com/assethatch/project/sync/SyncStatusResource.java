package com.assethatch.project.sync;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.project.ProjectServiceApi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/projects/{id}/sync-status")
@Tag(name = "Sync status", description = "Whether a project's changes are saved and copied to the cache.")
public class SyncStatusResource {

    private final SyncStatusService status;
    private final CurrentUser currentUser;

    public SyncStatusResource(SyncStatusService status, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.status = status;
    }

    @GET
    @Operation(summary = "A project's sync status",
            description = "Every 2xx write is already saved in Postgres; this says whether the cache has caught up "
                    + "(the consistency contract: docs/consistency.md), "
                    + "whether repairs are pending and when the project last changed.")
    @APIResponse(responseCode = "200", description = "The status.")
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    public Uni<SyncStatus> get(@Parameter(description = "Project id.") @PathParam("id") String projectId) {
        return status.statusOf(currentUser.id(), projectId);
    }
}
