package com.assethatch.export.pack;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.common.error.ApiError;
import com.assethatch.export.ExportServiceApi;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The asset pack download. The endpoints are blocking on purpose: they run on a worker thread, which parses the
 * plan (CPU work kept off the event loop) and writes the ZIP to the response as it is produced, so a slow
 * client slows the export down instead of filling memory.
 */
@Path("/api")
@Tag(name = "Export", description = "The approved images of a project as a ZIP asset pack with manifest.json.")
public class ExportResource {

    public static final String APPLICATION_ZIP = "application/zip";
    static final String RANGE = "Range";
    static final String IF_RANGE = "If-Range";
    static final String CONTENT_RANGE = "Content-Range";
    static final String ACCEPT_RANGES = "Accept-Ranges";
    private static final String BYTES = "bytes";
    private static final int PARTIAL_CONTENT = 206;
    private static final String ZIP_DESCRIPTION = "The asset pack, streamed with its Content-Length: manifest.json "
            + "(deflated) first, then style_anchor.<ext> if the project has one, then the approved images in plan order "
            + "(stored), then approved images the plan does not list under unplanned/. The same data always gives the "
            + "same bytes, under the same ETag.";
    private static final String RANGE_DESCRIPTION = "One range of the pack's bytes (`bytes=<first>-<last>`, "
            + "`bytes=<first>-` or `bytes=-<suffix>`), to resume a download; several ranges or another unit mean the "
            + "whole pack.";
    private static final String IF_RANGE_DESCRIPTION = "The ETag of the earlier download: the range applies only if "
            + "the pack is still the same, otherwise the whole (new) pack is sent with 200.";
    private static final String DISPOSITION_DESCRIPTION = "attachment; filename=\"<project name, whitespace runs as _>"
            + "_assets.zip\"; filename*=UTF-8''<the same, percent-encoded>";
    private static final String ERROR_400 = "{\"error\": \"Project ID is required\"}";
    private static final String ERROR_400_NO_ASSETS = "{\"error\": \"No approved assets to export\"}";
    private static final String ERROR_400_JSON = "{\"error\": \"Malformed JSON at line 1, column 14\"}";

    private final ExportService exports;
    private final ExportRequestReader requests;
    private final CurrentUser currentUser;
    private final ExportConfig config;

    public ExportResource(ExportService exports, ExportRequestReader requests, CurrentUser currentUser,
            ExportConfig config) {
        this.currentUser = currentUser;
        this.exports = exports;
        this.requests = requests;
        this.config = config;
    }

    @POST
    @Path("/export")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Download a project's asset pack (the original app's route)",
            description = "Checks, in this order: a project id is given, the project exists, it has approved images, "
                    + "it has a plan (the memory file " + ExportServiceApi.PLAN_MEMORY_FILE + ", markdown). Every approved image is in the pack: "
                    + "matched to the plan by id (composite or granular), the newest of several approvals for one plan "
                    + "asset, the rest named in the manifest's warnings; images the plan does not list go to unplanned/. "
                    + "The body is read as a stream: keys other than projectId (the newest frontend sends every image "
                    + "again under assets) are read past, up to quarkus.http.limits.max-body-size (1 GiB).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExportRequest.class),
            examples = @ExampleObject(name = "export", value = "{\"projectId\": \"farm-game\"}")))
    @APIResponse(responseCode = "200", description = ZIP_DESCRIPTION,
            headers = {
                @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = DISPOSITION_DESCRIPTION,
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = HttpHeaders.CONTENT_LENGTH, schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = APPLICATION_ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "No project id, no approved images, or a body that is not JSON.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                    examples = {
                        @ExampleObject(name = "no project id", value = ERROR_400),
                        @ExampleObject(name = "nothing approved", value = ERROR_400_NO_ASSETS),
                        @ExampleObject(name = "malformed JSON", value = ERROR_400_JSON)}))
    @APIResponse(responseCode = "404", ref = ExportServiceApi.PROJECT_OR_PLAN_NOT_FOUND)
    @APIResponse(responseCode = "413", ref = ExportServiceApi.TOO_LARGE)
    @APIResponse(responseCode = "415", description = "The body is not sent as application/json.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", ref = ExportServiceApi.DATABASE_DOWN)
    public Response exportFromBody(InputStream body, @Context RoutingContext routing) throws SQLException, IOException {
        ExportDownload download = exports.prepare(currentUser.id(), requests.read(body).projectId());
        return zip(download, ByteRange.whole(download.length()), routing);
    }

    @GET
    @Path("/projects/{id}/export")
    @Operation(summary = "Download a project's asset pack (a plain link)",
            description = "The same pack, checks and errors as POST /api/export, for a link a browser can follow. "
                    + "Supports HEAD, and Range with If-Range to resume an interrupted download.")
    @APIResponse(responseCode = "200", description = ZIP_DESCRIPTION,
            headers = {
                @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = DISPOSITION_DESCRIPTION,
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = HttpHeaders.CONTENT_LENGTH, schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
                @Header(name = ACCEPT_RANGES, description = "bytes", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = APPLICATION_ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The requested range of the pack.",
            headers = {
                @Header(name = CONTENT_RANGE, description = "bytes <first>-<last>/<length>",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = HttpHeaders.CONTENT_LENGTH, schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = APPLICATION_ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", ref = ExportServiceApi.CANNOT_EXPORT)
    @APIResponse(responseCode = "404", ref = ExportServiceApi.PROJECT_OR_PLAN_NOT_FOUND)
    @APIResponse(responseCode = "416", description = "The range starts beyond the pack's end; Content-Range gives "
            + "its length (bytes */<length>).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", ref = ExportServiceApi.DATABASE_DOWN)
    public Response export(@Parameter(description = "Project id.", example = "farm-game") @PathParam("id") String projectId,
            @Parameter(description = RANGE_DESCRIPTION, example = "bytes=1048576-") @HeaderParam(RANGE) String range,
            @Parameter(description = IF_RANGE_DESCRIPTION) @HeaderParam(IF_RANGE) String ifRange,
            @Context RoutingContext routing) throws SQLException {
        ExportDownload download = exports.prepare(currentUser.id(), projectId);
        Optional<ByteRange> wanted = ByteRange.of(range, ifRange, download.etag(), download.length());
        if (wanted.isEmpty()) {
            return Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(CONTENT_RANGE, "bytes */" + download.length())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("The range starts beyond the pack's end", Map.of("length", download.length())))
                    .build();
        }
        return zip(download, wanted.get(), routing);
    }

    @GET
    @Path("/projects/{id}/export/manifest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview the manifest of a project's asset pack",
            description = "A dry run of the export: the manifest.json the ZIP would start with, with the same checks "
                    + "and errors, without reading any image.")
    @APIResponse(responseCode = "200", description = "The manifest.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Manifest.class)))
    @APIResponse(responseCode = "400", ref = ExportServiceApi.CANNOT_EXPORT)
    @APIResponse(responseCode = "404", ref = ExportServiceApi.PROJECT_OR_PLAN_NOT_FOUND)
    @APIResponse(responseCode = "503", ref = ExportServiceApi.DATABASE_DOWN)
    public Manifest manifest(@Parameter(description = "Project id.", example = "farm-game") @PathParam("id") String projectId)
            throws SQLException {
        return exports.manifest(currentUser.id(), projectId);
    }

    /**
     * Every check has run by now, before the status line: errors after the first byte could only truncate the
     * response. The length is known, so the response has a Content-Length (a browser shows progress).
     */
    private Response zip(ExportDownload download, ByteRange range, RoutingContext routing) {
        // Stops the download between two files when its client goes away.
        routing.addEndHandler(ended -> download.responseEnded());
        StreamingOutput body = out -> download.writeTo(
                new SocketPacedOutputStream(out, routing.response(), config.sendSliceBytes()), range.first(), range.last());
        Response.ResponseBuilder response = Response.status(range.partial() ? PARTIAL_CONTENT : Response.Status.OK.getStatusCode())
                .entity(body)
                .type(APPLICATION_ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ExportFileName.contentDisposition(download.projectName()))
                .header(HttpHeaders.CONTENT_LENGTH, range.length())
                .header(HttpHeaders.ETAG, download.etag())
                .header(ACCEPT_RANGES, BYTES);
        if (range.partial()) {
            response.header(CONTENT_RANGE, range.contentRange(download.length()));
        }
        return response.build();
    }
}
