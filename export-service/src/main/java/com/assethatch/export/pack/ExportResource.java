package com.assethatch.export.pack;

import com.assethatch.common.error.ApiError;
import com.assethatch.export.ExportServiceApi;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
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
    private static final String ZIP_DESCRIPTION = "The asset pack, streamed (chunked, no Content-Length): manifest.json "
            + "(deflated) first, then style_anchor.<ext> if the project has one, then the approved images in plan order "
            + "(stored), then approved images the plan does not list under unplanned/. The same data always gives the "
            + "same bytes.";
    private static final String DISPOSITION_DESCRIPTION = "attachment; filename=\"<project name, whitespace runs as _>"
            + "_assets.zip\"; filename*=UTF-8''<the same, percent-encoded>";
    private static final String ERROR_400 = "{\"error\": \"Project ID is required\"}";
    private static final String ERROR_400_NO_ASSETS = "{\"error\": \"No approved assets to export\"}";
    private static final String ERROR_400_JSON = "{\"error\": \"Malformed JSON at line 1, column 14\"}";

    private final ExportService exports;

    public ExportResource(ExportService exports) {
        this.exports = exports;
    }

    @POST
    @Path("/export")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Download a project's asset pack (the original app's route)",
            description = "Checks, in this order: a project id is given, the project exists, it has approved images, "
                    + "it has a plan (the memory file entities.json, markdown). Every approved image is in the pack: "
                    + "matched to the plan by id (composite or granular), the newest of several approvals for one plan "
                    + "asset, the rest named in the manifest's warnings; images the plan does not list go to unplanned/.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExportRequest.class),
            examples = @ExampleObject(name = "export", value = "{\"projectId\": \"farm-game\"}")))
    @APIResponse(responseCode = "200", description = ZIP_DESCRIPTION,
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = DISPOSITION_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = APPLICATION_ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "No project id, no approved images, or a body that is not JSON.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                    examples = {
                        @ExampleObject(name = "no project id", value = ERROR_400),
                        @ExampleObject(name = "nothing approved", value = ERROR_400_NO_ASSETS),
                        @ExampleObject(name = "malformed JSON", value = ERROR_400_JSON)}))
    @APIResponse(responseCode = "404", ref = ExportServiceApi.PROJECT_OR_PLAN_NOT_FOUND)
    @APIResponse(responseCode = "415", description = "The body is not sent as application/json.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", ref = ExportServiceApi.DATABASE_DOWN)
    public Response exportFromBody(@Valid @NotNull(message = ExportService.PROJECT_ID_REQUIRED) ExportRequest request,
            @Context RoutingContext routing) throws SQLException {
        return zip(request.projectId(), routing);
    }

    @GET
    @Path("/projects/{id}/export")
    @Operation(summary = "Download a project's asset pack (a plain link)",
            description = "The same pack, checks and errors as POST /api/export, for a link a browser can follow.")
    @APIResponse(responseCode = "200", description = ZIP_DESCRIPTION,
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = DISPOSITION_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = APPLICATION_ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", ref = ExportServiceApi.CANNOT_EXPORT)
    @APIResponse(responseCode = "404", ref = ExportServiceApi.PROJECT_OR_PLAN_NOT_FOUND)
    @APIResponse(responseCode = "503", ref = ExportServiceApi.DATABASE_DOWN)
    public Response export(@Parameter(description = "Project id.", example = "farm-game") @PathParam("id") String projectId,
            @Context RoutingContext routing) throws SQLException {
        return zip(projectId, routing);
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
        return exports.manifest(projectId);
    }

    /** Every check runs here, before the status line: errors after the first byte could only truncate a 200. */
    private Response zip(String projectId, RoutingContext routing) throws SQLException {
        ExportDownload download = exports.prepare(projectId);
        // Stops a download whose client went away, and frees the snapshot if the body is never written (HEAD).
        routing.addEndHandler(ended -> download.responseEnded());
        StreamingOutput body = download::writeTo;
        return Response.ok(body, APPLICATION_ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ExportFileName.contentDisposition(download.projectName()))
                .build();
    }
}
