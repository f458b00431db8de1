package com.assethatch.project.styleanchor;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.common.error.ApiError;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The original app's route for one style anchor, which its newest client calls with the anchor's id. */
@Path("/api/style-anchor")
@Tag(name = "Style anchor")
public class StyleAnchorLookupResource {

    private final StyleAnchorService anchors;
    private final CurrentUser currentUser;

    public StyleAnchorLookupResource(StyleAnchorService anchors, CurrentUser currentUser) {
        this.anchors = anchors;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(operationId = "getStyleAnchor", summary = "Get a style anchor with its image inline",
            description = "One of the caller's anchors, by its own id (as PUT and GET /api/projects/{id}/style-anchor "
                    + "return it) or by its project's id. The image comes inline as a data URL in imageUrl, as the original app returned it.")
    @APIResponse(responseCode = "200", description = "The anchor.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StyleAnchorWithImage.class)))
    @APIResponse(responseCode = "400", description = "`Style anchor ID is required`: no id given.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "`Style anchor not found`: no anchor has this id, and no project "
            + "of the caller's with this id has an anchor (another user's anchor answers the same).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<StyleAnchorWithImage> get(
            @Parameter(description = "The style anchor's id, or its project's id.", required = true,
                    example = "7d1f4a52-6a43-4f0e-9a43-0d8f0c1e2b3a")
            @QueryParam("id") String id) {
        return anchors.withImage(currentUser.id(), id);
    }
}
