package com.assethatch.project.assets;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.common.error.ApiError;
import com.assethatch.common.validation.OneOf;
import com.assethatch.project.ProjectServiceApi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/projects/{id}/generated-assets")
@Tag(name = "Generated assets")
public class ProjectAssetsResource {

    private final AssetService assets;
    private final CurrentUser currentUser;

    public ProjectAssetsResource(AssetService assets, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.assets = assets;
    }

    @Schema(name = "GeneratedAssetList")
    public record Listed(List<GeneratedAsset> assets) {
    }

    @GET
    @Operation(summary = "List a project's generated assets",
            description = "Records only (no bytes), oldest first, from the cache tier when it holds the complete list. "
                    + "A list read from the cache never misses an asset whose upload completed.")
    @APIResponse(responseCode = "200", description = "The assets.")
    @APIResponse(responseCode = "400", description = "Unknown status filter.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    public Uni<Listed> list(@Parameter(description = "Project id.") @PathParam("id") String projectId,
            @Parameter(description = "Only assets with this status.", example = "approved",
                    schema = @Schema(ref = "AssetStatus"))
            @QueryParam("status") @OneOf(value = AssetStatus.class, message = AssetStatus.ONE_OF) String status) {
        return assets.listOf(currentUser.id(), projectId, Optional.ofNullable(status)).map(Listed::new);
    }
}
