package com.assethatch.project.styleanchor;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.common.error.ApiError;
import com.assethatch.project.ProjectServiceApi;
import com.assethatch.project.images.ImageResponses;
import com.assethatch.project.images.StoredImage;
import io.quarkus.vertx.VertxContextSupport;
import java.util.Optional;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/projects/{id}/style-anchor")
@Tag(name = "Style anchor", description = "The reference image and keywords that keep a project's assets in one style.")
public class StyleAnchorResource {

    private final StyleAnchorService anchors;
    private final ImageResponses imageResponses;
    private final CurrentUser currentUser;

    public StyleAnchorResource(StyleAnchorService anchors, ImageResponses imageResponses, CurrentUser currentUser) {
        this.anchors = anchors;
        this.imageResponses = imageResponses;
        this.currentUser = currentUser;
    }

    @PUT
    @Operation(summary = "Set the project's style anchor",
            description = "Replaces the anchor whole. The image must really be PNG, JPEG or WebP and under the size limit.")
    @APIResponse(responseCode = "200", description = "The anchor as stored.")
    @APIResponse(responseCode = "400", description = "Missing image, invalid base64, invalid colours, over-long keywords.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    @APIResponse(responseCode = "413", ref = ProjectServiceApi.IMAGE_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ProjectServiceApi.NOT_AN_IMAGE)
    @APIResponse(responseCode = "503", ref = ProjectServiceApi.IMAGE_STORE_DOWN)
    @Blocking // decoding, sniffing and hashing the image is CPU work: a worker thread, not the event loop
    public Uni<StyleAnchor> replace(@Parameter(description = "Project id.") @PathParam("id") String projectId,
            @Valid @NotNull(message = "referenceImage is required") StyleAnchorRequest request) {
        return anchors.replace(currentUser.id(), projectId, request);
    }

    @GET
    @Operation(summary = "Get the project's style anchor", description = "The record; the image is at imageUrl.")
    @APIResponse(responseCode = "200", description = "The anchor.")
    @APIResponse(responseCode = "404", description = "`Project not found` or `Style anchor not found`.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<StyleAnchor> get(@Parameter(description = "Project id.") @PathParam("id") String projectId) {
        return anchors.get(currentUser.id(), projectId);
    }

    @GET
    @Path("/image")
    @Produces({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download the style anchor's reference image",
            description = "Raw bytes with the real Content-Type; ETag is the SHA-256 (If-None-Match gives 304). "
                    + ProjectServiceApi.IMAGE_BYTES_NOTE)
    @APIResponse(responseCode = "200", ref = ProjectServiceApi.IMAGE_BYTES, description = "The reference image.")
    @APIResponse(responseCode = "302", ref = ProjectServiceApi.IMAGE_PRESIGNED)
    @APIResponse(responseCode = "304", ref = ProjectServiceApi.IMAGE_NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = "`Project not found` or `Style anchor not found`.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", ref = ProjectServiceApi.IMAGE_STORE_DOWN)
    @Blocking // object-store bytes are streamed by this thread; the record is read reactively and awaited here
    public Response image(@Parameter(description = "Project id.") @PathParam("id") String projectId,
            @Parameter(description = "ETag of the copy the client has.") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch)
            throws Throwable {
        String ownerId = currentUser.id();
        Optional<StoredImage> image = VertxContextSupport.subscribeAndAwait(
                () -> anchors.image(ownerId, projectId, ImageResponses.clientSha256(ifNoneMatch)));
        return imageResponses.of(image, ifNoneMatch);
    }
}
