package com.assethatch.project;

import com.assethatch.common.error.ApiError;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The API's documentation root: responses that several endpoints share (errors, with examples, and the image
 * downloads' answers) are described once here, and referenced by name
 * ({@code @APIResponse(responseCode = "404", ref = ApiResponses.PROJECT_NOT_FOUND)}).
 */
@OpenAPIDefinition(
        info = @Info(title = "Asset Hatch project-service", version = "1.0.0"),
        components = @Components(responses = {
                @APIResponse(name = ProjectServiceApi.PROJECT_NOT_FOUND, responseCode = "404",
                        description = "No project of the caller has this id (another user's project answers the same).",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                                examples = @ExampleObject(name = "unknown project", value = "{\"error\": \"Project not found\"}"))),
                @APIResponse(name = ProjectServiceApi.ASSET_NOT_FOUND, responseCode = "404",
                        description = "No generated asset of the caller's projects has this id (another user's asset answers "
                                + "the same).",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                                examples = @ExampleObject(name = "unknown asset", value = "{\"error\": \"Asset not found\"}"))),
                @APIResponse(name = ProjectServiceApi.STALE_VERSION, responseCode = "412",
                        description = "If-Match named a version that is no longer current, or only entity tags that name no "
                                + "version (e.g. \"v0\"); nothing changed. A header that is not an entity-tag list is a 400.",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                                examples = @ExampleObject(name = "stale version", value = "{\"error\": \"Version 41 is stale: the "
                                        + "current version is 42. Read it again and retry.\", \"details\": {\"expectedVersion\": 41, "
                                        + "\"currentVersion\": 42}}"))),
                @APIResponse(name = ProjectServiceApi.IMAGE_TOO_LARGE, responseCode = "413",
                        description = "The image is over asset-hatch.images.max-bytes, or its header claims more pixels than "
                                + "asset-hatch.images.max-pixels (checked from the header, before decoding).",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                                examples = @ExampleObject(name = "too large", value = "{\"error\": \"Image is 12.4 MB; the limit is "
                                        + "10.0 MB\", \"details\": {\"maxBytes\": 10485760}}"))),
                @APIResponse(name = ProjectServiceApi.NOT_AN_IMAGE, responseCode = "415",
                        description = "The bytes are not a PNG, JPEG or WebP image (whatever the file name or Content-Type says), or "
                                + "do not decode as a whole: truncated, corrupt, or a header with no image data.",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                                examples = @ExampleObject(name = "text posing as an image", value = "{\"error\": \"imageBlob is not "
                                        + "a PNG, JPEG or WebP image\", \"details\": {\"accepted\": [\"image/png\", \"image/jpeg\", "
                                        + "\"image/webp\"]}}"))),
                @APIResponse(name = ProjectServiceApi.DATABASE_DOWN, responseCode = "503",
                        description = "Postgres is unreachable, or it rolled the request's transaction back to resolve a "
                                + "conflict with a concurrent request (a deadlock or a serialization failure); nothing was "
                                + "changed. Retry after Retry-After. The message tells which.",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                                examples = {
                                    @ExampleObject(name = "database down", value = "{\"error\": \"Database temporarily unavailable\"}"),
                                    @ExampleObject(name = "deadlock", value = "{\"error\": \"Deadlock with a concurrent request; "
                                            + "try again\"}"),
                                    @ExampleObject(name = "serialization failure", value = "{\"error\": \"Serialization failure: "
                                            + "a concurrent request changed the same data; try again\"}")})),
                @APIResponse(name = ProjectServiceApi.IMAGE_STORE_DOWN, responseCode = "503",
                        description = "The object store holding image bytes (asset-hatch.images.store=s3) did not answer in time "
                                + "or its circuit breaker is open; nothing was changed. Retry shortly. Routes that do not move "
                                + "image bytes keep working.",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                                examples = @ExampleObject(name = "image store down", value = "{\"error\": \"Image store unavailable; "
                                        + "try again shortly\", \"details\": {\"cause\": \"PUT images/sha256/…: Unable to execute "
                                        + "HTTP request\"}}"))),
                @APIResponse(name = ProjectServiceApi.IMAGE_BYTES, responseCode = "200",
                        description = "The image's bytes with their real Content-Type.",
                        headers = @Header(name = HttpHeaders.ETAG, description = "\"<sha256>\""),
                        content = {@Content(mediaType = "image/png"), @Content(mediaType = "image/jpeg"),
                                @Content(mediaType = "image/webp")}),
                @APIResponse(name = ProjectServiceApi.IMAGE_PRESIGNED, responseCode = "302",
                        description = "The image is at a short-lived presigned URL of the object store "
                                + "(asset-hatch.images.s3.presign.enabled).",
                        headers = {@Header(name = HttpHeaders.LOCATION, description = "The presigned URL."),
                                @Header(name = HttpHeaders.ETAG, description = "\"<sha256>\"")}),
                @APIResponse(name = ProjectServiceApi.IMAGE_NOT_MODIFIED, responseCode = "304",
                        description = "The client's copy (If-None-Match) is current.")
        }))
public class ProjectServiceApi extends Application {

    public static final String PROJECT_NOT_FOUND = "ProjectNotFound";
    public static final String ASSET_NOT_FOUND = "AssetNotFound";
    public static final String STALE_VERSION = "StaleVersion";
    public static final String IMAGE_TOO_LARGE = "ImageTooLarge";
    public static final String NOT_AN_IMAGE = "NotAnImage";
    public static final String DATABASE_DOWN = "DatabaseDown";
    public static final String IMAGE_STORE_DOWN = "ImageStoreDown";
    public static final String IMAGE_BYTES = "ImageBytes";
    public static final String IMAGE_PRESIGNED = "ImagePresigned";
    public static final String IMAGE_NOT_MODIFIED = "ImageNotModified";
    /** How image bytes are served, for the descriptions of the image routes. */
    public static final String IMAGE_BYTES_NOTE = "With asset-hatch.images.store=s3 the bytes are streamed from the object "
            + "store, or the answer is a 302 to a presigned URL when asset-hatch.images.s3.presign.enabled is set.";
}
