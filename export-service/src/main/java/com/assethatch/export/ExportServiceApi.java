package com.assethatch.export;

import com.assethatch.common.error.ApiError;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The API's documentation root: the export routes share their error responses, described once here with
 * examples (the original app's messages) and referenced by name.
 */
@OpenAPIDefinition(
        info = @Info(title = "Asset Hatch export-service", version = "1.0.0"),
        components = @Components(responses = {
                @APIResponse(name = ExportServiceApi.CANNOT_EXPORT, responseCode = "400",
                        description = "A blank project id, or nothing approved to export.",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                                examples = {
                                    @ExampleObject(name = "blank project id", value = "{\"error\": \"Project ID is required\"}"),
                                    @ExampleObject(name = "nothing approved", value = "{\"error\": \"No approved assets to export\"}")})),
                @APIResponse(name = ExportServiceApi.PROJECT_OR_PLAN_NOT_FOUND, responseCode = "404",
                        description = "No such project of the caller (another user's project answers the same), or the project has no "
                                + "plan (memory file " + ExportServiceApi.PLAN_MEMORY_FILE + ").",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                                examples = {
                                    @ExampleObject(name = "unknown project", value = "{\"error\": \"Project not found\"}"),
                                    @ExampleObject(name = "no plan", value = "{\"error\": \"Asset plan not found\"}")})),
                @APIResponse(name = ExportServiceApi.TOO_LARGE, responseCode = "413",
                        description = "The body is larger than the route takes: quarkus.http.limits.max-body-size "
                                + "(1 GiB) for POST /api/export, asset-hatch.http.max-body-size (12 MiB) elsewhere.",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                                examples = @ExampleObject(name = "too large", value = "{\"error\": \"Request body is 19.1 MB; "
                                        + "the limit is 12.0 MB\", \"details\": {\"maxBytes\": 12582912, \"bytes\": 20000000}}"))),
                @APIResponse(name = ExportServiceApi.DATABASE_DOWN, responseCode = "503",
                        description = "The database is unreachable.",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                                examples = @ExampleObject(name = "database down", value = "{\"error\": \"Database temporarily unavailable\"}")))
        }))
public class ExportServiceApi extends Application {

    /** The memory file (type) that holds the markdown plan, as the original app names it. */
    public static final String PLAN_MEMORY_FILE = "entities.json";

    public static final String CANNOT_EXPORT = "CannotExport";
    public static final String PROJECT_OR_PLAN_NOT_FOUND = "ProjectOrPlanNotFound";
    public static final String DATABASE_DOWN = "DatabaseDown";
    public static final String TOO_LARGE = "TooLarge";
}
