package com.assethatch.project.assets;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.common.error.ApiError;
import com.assethatch.common.error.ApiException;
import com.assethatch.common.validation.OneOf;
import com.assethatch.project.ProjectServiceApi;
import com.assethatch.project.http.VersionETag;
import com.assethatch.project.images.ImagePolicy;
import com.assethatch.project.images.ImageResponses;
import com.assethatch.project.images.StoredImage;
import io.quarkus.vertx.VertxContextSupport;
import java.util.Optional;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/generated-assets")
@Tag(name = "Generated assets", description = "Generated images: upload, approve or reject, download, delete.")
public class GeneratedAssetsResource {

    private final AssetService assets;
    private final Validator validator;
    private final ObjectMapper json;
    private final ImagePolicy imagePolicy;
    private final ImageResponses imageResponses;
    private final CurrentUser currentUser;

    public GeneratedAssetsResource(AssetService assets, Validator validator, ObjectMapper json, ImagePolicy imagePolicy,
            ImageResponses imageResponses, CurrentUser currentUser) {
        this.imageResponses = imageResponses;
        this.currentUser = currentUser;
        this.assets = assets;
        this.validator = validator;
        this.json = json;
        this.imagePolicy = imagePolicy;
    }

    @Schema(name = "GeneratedAssetSynced")
    public record Synced(@Schema(example = "true") boolean success, String id, GeneratedAsset asset) {
    }

    @Schema(name = "StatusChange")
    public record StatusChange(
            @Schema(ref = "AssetStatus", example = "approved", required = true)
            @NotNull(message = AssetStatus.RULE) @OneOf(value = AssetStatus.class, message = AssetStatus.ONE_OF)
            String status) {
    }

    @Schema(name = "AssetDeleted")
    public record Deleted(@Schema(example = "true") boolean success) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a generated image (base64 JSON as the original frontend sends it, multipart, or raw)",
            description = "Upsert by id: the first call stores the asset, later calls with the same id update it; sending "
                    + "the same data again changes nothing. The bytes must really be PNG, JPEG or WebP. status defaults "
                    + "to approved and seed to 0, as in the original. Three bodies, the same fields and rules: JSON with "
                    + "the image as base64 `imageBlob`; multipart/form-data with the image as the file part `image`; or "
                    + "the image itself (Content-Type image/png, image/jpeg or image/webp) with the fields as query "
                    + "parameters, the fastest: read once into one array, no temporary file, no decoding.")
    @APIResponse(responseCode = "200", description = "Stored (or already stored).")
    @APIResponse(responseCode = "400", description = "`Missing required fields`, invalid base64, unknown status, "
            + "metadata that is not an object, a wrong JSON type or malformed JSON.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The id already belongs to another of the caller's projects or plan "
            + "assets. (An id used in another user's project is a 404, like a missing project.)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "413", ref = ProjectServiceApi.IMAGE_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ProjectServiceApi.NOT_AN_IMAGE)
    @APIResponse(responseCode = "503", ref = ProjectServiceApi.IMAGE_STORE_DOWN)
    @Blocking // decoding, sniffing and hashing megabytes is CPU work: a worker thread, not the event loop
    public Uni<Synced> uploadBase64(@Valid @NotNull(message = "Missing required fields") SyncAssetRequest request) {
        return assets.uploadBase64(currentUser.id(), request.fields, request.imageBlob).map(GeneratedAssetsResource::synced);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a generated image (multipart, no base64)",
            description = "The same fields and rules as the JSON upload, as form fields, with the image as the file part "
                    + "`image` (what a browser's FormData sends with a Blob).")
    @APIResponse(responseCode = "200", description = "Stored (or already stored).")
    @APIResponse(responseCode = "400", description = "Missing or invalid fields.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The id already belongs to another of the caller's projects or plan "
            + "assets. (An id used in another user's project is a 404, like a missing project.)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "413", ref = ProjectServiceApi.IMAGE_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ProjectServiceApi.NOT_AN_IMAGE)
    @APIResponse(responseCode = "503", ref = ProjectServiceApi.IMAGE_STORE_DOWN)
    @Blocking // reads the uploaded file and hashes it: a worker thread, not the event loop
    public Uni<Synced> uploadMultipart(AssetUploadForm form) throws IOException {
        AssetFields fields = form.toFields(json);
        var violations = validator.validate(fields);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (form.image == null) {
            throw ApiException.badRequest("Missing required fields", Map.of("missing", "image"));
        }
        imagePolicy.requireWithinLimit(form.image.size());
        return assets.upload(currentUser.id(), fields, AssetUploadForm.IMAGE_PART, Files.readAllBytes(form.image.uploadedFile()))
                .map(GeneratedAssetsResource::synced);
    }

    @POST
    @Consumes({RawImageUpload.PNG, RawImageUpload.JPEG, RawImageUpload.WEBP})
    @Operation(summary = "Upload a generated image (raw body, no base64, no multipart)",
            description = "The body is the image itself, with its Content-Type (image/png, image/jpeg or image/webp); the "
                    + "fields are query parameters. The same rules as the JSON upload. The fastest path: the body is read "
                    + "once into memory (one array, sized by Content-Length), with no temporary file and no decoding. "
                    + "The request line is limited to 4 KiB: send a long promptUsed or metadata by multipart or JSON.")
    @APIResponse(responseCode = "200", description = "Stored (or already stored).")
    @APIResponse(responseCode = "400", description = "Missing or invalid fields (e.g. a seed that is not a number, metadata "
            + "that is not a JSON object).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The id already belongs to another project or plan asset.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "413", ref = ProjectServiceApi.IMAGE_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ProjectServiceApi.NOT_AN_IMAGE)
    @Blocking // reads the body as it arrives, then sniffs and hashes it: a worker thread, not the event loop
    public Uni<Synced> uploadRaw(@BeanParam RawImageUpload upload, InputStream body) throws IOException {
        AssetFields fields = upload.toFields(json);
        var violations = validator.validate(fields);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return assets.upload(currentUser.id(), fields, RawImageUpload.BODY, upload.readImage(body, imagePolicy))
                .map(GeneratedAssetsResource::synced);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a generated asset's record", description = "Metadata only; the bytes are at imageUrl.")
    @APIResponse(responseCode = "200", description = "The asset.")
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.ASSET_NOT_FOUND)
    public Uni<GeneratedAsset> get(@Parameter(description = "Asset id.") @PathParam("id") String id) {
        return assets.get(currentUser.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject a generated asset",
            description = "How approvals reach the server. With If-Match, applies only if the asset is still at that version.")
    @APIResponse(responseCode = "200", description = "The asset after the change.",
            headers = @Header(name = HttpHeaders.ETAG, description = "The asset's version."))
    @APIResponse(responseCode = "400", description = "Unknown or missing status, malformed JSON or If-Match.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.ASSET_NOT_FOUND)
    @APIResponse(responseCode = "412", ref = ProjectServiceApi.STALE_VERSION)
    public Uni<RestResponse<GeneratedAsset>> changeStatus(@Parameter(description = "Asset id.") @PathParam("id") String id,
            @Parameter(description = "Apply only at this version (the asset's `version`).", example = "\"73\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull(message = AssetStatus.RULE) StatusChange change) {
        return assets.changeStatus(currentUser.id(), id, change.status(), VersionETag.parseIfMatch(ifMatch))
                .map(asset -> RestResponse.ResponseBuilder.ok(asset)
                        .header(HttpHeaders.ETAG, VersionETag.of(asset.version())).build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a generated asset")
    @APIResponse(responseCode = "200", description = "Deleted.")
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.ASSET_NOT_FOUND)
    public Uni<Deleted> delete(@Parameter(description = "Asset id.") @PathParam("id") String id) {
        return assets.delete(currentUser.id(), id).replaceWith(new Deleted(true));
    }

    @GET
    @Path("/{id}/image")
    @Produces({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a generated asset's image",
            description = "The raw bytes with their real Content-Type. ETag is the SHA-256; send it as If-None-Match to get "
                    + "304 when unchanged. " + ProjectServiceApi.IMAGE_BYTES_NOTE)
    @APIResponse(responseCode = "200", ref = ProjectServiceApi.IMAGE_BYTES, description = "The image.")
    @APIResponse(responseCode = "302", ref = ProjectServiceApi.IMAGE_PRESIGNED)
    @APIResponse(responseCode = "304", ref = ProjectServiceApi.IMAGE_NOT_MODIFIED)
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.ASSET_NOT_FOUND)
    @APIResponse(responseCode = "503", ref = ProjectServiceApi.IMAGE_STORE_DOWN)
    @Blocking // object-store bytes are streamed by this thread; the record is read reactively and awaited here
    public Response image(@Parameter(description = "Asset id.") @PathParam("id") String id,
            @Parameter(description = "ETag of the copy the client has.") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch)
            throws Throwable {
        String ownerId = currentUser.id();
        Optional<StoredImage> image = VertxContextSupport.subscribeAndAwait(
                () -> assets.image(ownerId, id, ImageResponses.clientSha256(ifNoneMatch)));
        return imageResponses.of(image, ifNoneMatch);
    }

    private static Synced synced(GeneratedAsset asset) {
        return new Synced(true, asset.id(), asset);
    }
}
