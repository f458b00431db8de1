package com.assethatch.export.plan;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.export.projects.ProjectOwnership;
import java.sql.SQLException;
import com.assethatch.common.error.ApiError;
import com.assethatch.common.error.ApiException;
import com.assethatch.common.ids.ProjectIds;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/plans")
@Tag(name = "Plans", description = "Read the markdown asset plan the way the export does.")
public class PlanResource {

    static final String MARKDOWN = "text/markdown";
    static final String MODE_RULE = "mode must be one of: " + ParseMode.ALLOWED_VALUES;
    private static final List<String> ALLOWED_MODES =
            Arrays.stream(ParseMode.values()).map(ParseMode::queryValue).toList();
    private static final String EXAMPLE_PLAN = """
            # Asset Plan
            ## Characters
            - [MOVEABLE:8] Farmer
              - Description: straw hat, blue overalls
              - Idle (4-direction)
              - Jump (8-frame)
            ## Items & Props
            * Health Potion
            """;

    private static final String EXAMPLE_RESPONSE = """
            {"projectId": "p", "mode": "composite", "warnings": [], "assets": [
              {"id": "p-asset-0", "category": "Characters", "name": "Farmer", "type": "sprite-sheet",
               "description": "farmer idle (4-direction)", "mobility": {"type": "moveable", "directions": 8},
               "notes": {"description": "straw hat, blue overalls"},
               "variant": {"id": "p-asset-0-composite", "name": "Idle", "pose": "idle standing pose",
                           "animationType": "idle breathing animation", "frameCount": 4,
                           "arrangementType": "horizontally in a single row"}},
              {"id": "p-asset-1", "category": "Characters", "name": "Farmer", "type": "character-sprite",
               "description": "farmer jump (8-frame)", "mobility": {"type": "moveable", "directions": 8},
               "notes": {"description": "straw hat, blue overalls"},
               "variant": {"id": "p-asset-1-variant", "name": "Jump (8-frame)", "pose": "jumping pose in mid-air",
                           "frameCount": 8}},
              {"id": "p-asset-2", "category": "Items & Props", "name": "Health Potion", "type": "icon",
               "description": "health potion", "mobility": {"type": "static"},
               "variant": {"id": "p-asset-2-variant", "name": "Default"}}]}
            """;

    private final PlanParser parser;
    private final PlanConfig config;

    private final ProjectOwnership ownership;
    private final CurrentUser currentUser;

    public PlanResource(PlanParser parser, PlanConfig config, ProjectOwnership ownership, CurrentUser currentUser) {
        this.ownership = ownership;
        this.currentUser = currentUser;
        this.parser = parser;
        this.config = config;
    }

    @POST
    @Path("/parse")
    @Consumes({MARKDOWN, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking // Parsing a plan of several megabytes is CPU work: it runs on a worker, never on the event loop.
    @Operation(summary = "Parse a markdown asset plan",
            description = "Returns the assets the export sees for this plan, with the same ids, so the frontend and"
                    + " the export agree on one parser. Ids are `<projectId>-asset-<n>` and positional. The format"
                    + " is docs/plan-format.md in the repository: `##` headings are categories, top-level list items assets, nested items"
                    + " variants (`Idle (4-direction)`, `Jump (8-frame)`) or metadata (`Description: ...`).")
    @RequestBody(required = true, description = "The plan, UTF-8 markdown. An empty body gives no assets and a warning.",
            content = {
                @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "plan", summary = "A small plan", value = EXAMPLE_PLAN)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "plan", summary = "A small plan", value = EXAMPLE_PLAN))})
    @APIResponse(responseCode = "200", description = "The parsed plan.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanParseResponse.class),
                    examples = @ExampleObject(name = "parsed", value = EXAMPLE_RESPONSE)))
    @APIResponse(responseCode = "400", description = "`projectId is required`, an invalid projectId, or an unknown"
            + " mode (the message names the allowed ones).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                    examples = {
                        @ExampleObject(name = "missing projectId", value = "{\"error\": \"projectId is required\"}"),
                        @ExampleObject(name = "unknown mode", value = "{\"error\": \"" + MODE_RULE
                                + "\", \"details\": {\"allowed\": [\"composite\", \"granular\"]}}")}))
    @APIResponse(responseCode = "404", description = "`Project not found`: no project with this id belongs to the caller"
            + " (another user's project answers the same).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                    examples = @ExampleObject(name = "not found", value = "{\"error\": \"Project not found\"}")))
    @APIResponse(responseCode = "413", description = "The plan is larger than `asset-hatch.plans.max-bytes`"
            + " (10 MB by default); details give `maxBytes` and the body's `bytes`.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class),
                    examples = @ExampleObject(name = "too large", value = "{\"error\": \"The plan is larger than"
                            + " 10485760 bytes\", \"details\": {\"maxBytes\": 10485760, \"bytes\": 12000000}}")))
    @APIResponse(responseCode = "415", description = "The body is neither text/markdown nor text/plain.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public PlanParseResponse parse(
            @Parameter(description = "The caller's project the plan belongs to; prefix of every asset id.", example = "p",
                    schema = @Schema(type = SchemaType.STRING, pattern = ProjectIds.PATTERN))
            @QueryParam("projectId") @NotNull(message = "projectId is required")
            @Pattern(regexp = ProjectIds.PATTERN, message = ProjectIds.PROJECT_ID_RULE) String projectId,
            @Parameter(description = "`composite` (default): a multi-direction variant is one sprite sheet."
                    + " `granular`: one asset per direction, ids ending in `-front`, `-left`... Case-insensitive.",
                    schema = @Schema(implementation = ParseMode.class, defaultValue = "composite"))
            @QueryParam("mode") String mode,
            byte[] markdown) throws SQLException {
        // The plan is the caller's project's: another user's project id is refused like a missing one.
        ownership.requireOwned(currentUser.id(), projectId);
        ParseMode parseMode = ParseMode.fromQueryValue(mode).orElseThrow(
                () -> ApiException.badRequest(MODE_RULE, Map.of("allowed", ALLOWED_MODES)));
        requireWithinLimit(markdown);
        String text = markdown == null ? "" : new String(markdown, StandardCharsets.UTF_8);
        return PlanParseResponse.of(projectId, parseMode, parser.parse(text, parseMode, projectId));
    }

    private void requireWithinLimit(byte[] markdown) {
        if (markdown != null && markdown.length > config.maxBytes()) {
            throw ApiException.payloadTooLarge("The plan is larger than " + config.maxBytes() + " bytes",
                    Map.of("maxBytes", config.maxBytes(), "bytes", markdown.length));
        }
    }
}
