package com.assethatch.project.projects;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.common.error.ApiError;
import com.assethatch.project.ProjectServiceApi;
import com.assethatch.project.http.VersionETag;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/projects/{id}/qualities")
@Tag(name = "Qualities", description = "Art style, resolution, perspective and the other qualities the prompt builder uses.")
public class QualitiesResource {

    private final QualitiesService qualities;
    private final CurrentUser currentUser;

    public QualitiesResource(QualitiesService qualities, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.qualities = qualities;
    }

    @GET
    @Operation(summary = "Read a project's qualities", description = "The ETag header carries the project's version.")
    @APIResponse(responseCode = "200", description = "All seven qualities.",
            headers = @Header(name = HttpHeaders.ETAG, description = "The project's version, e.g. \"42\"."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QualitiesView.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<byte[]>> get(@Parameter(description = "Project id.") @PathParam("id") String projectId) {
        // The body is the view's JSON as cached (rendered by the same mapper when it was stored), sent as it is.
        return qualities.get(currentUser.id(), projectId)
                .map(view -> RestResponse.ResponseBuilder.ok(view.body(), MediaType.APPLICATION_JSON_TYPE)
                        .header(HttpHeaders.ETAG, VersionETag.of(view.version()))
                        .build());
    }

    @PATCH
    @Operation(summary = "Change some qualities",
            description = "Partial update: keys you send change, others stay. `null` clears a quality. With If-Match, "
                    + "the change applies only if the project is still at that version.")
    @RequestBody(description = "Any of: art_style, base_resolution, perspective, game_genre, theme, mood, color_palette.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = QualitySchemas.PATCH),
                    examples = @ExampleObject(name = "side view", value = "{\"perspective\": \"side-view\", \"mood\": null}")))
    @APIResponse(responseCode = "200", description = "The qualities after the change.",
            headers = @Header(name = HttpHeaders.ETAG, description = "The project's new version."))
    @APIResponse(responseCode = "400", description = "Unknown key, empty or over-long value, a value that is not a string, "
            + "malformed JSON or a malformed If-Match. The message names the allowed keys.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    @APIResponse(responseCode = "412", ref = ProjectServiceApi.STALE_VERSION)
    public Uni<RestResponse<QualitiesView>> update(
            @Parameter(description = "Project id.") @PathParam("id") String projectId,
            @Parameter(description = "Apply only if the project is still at this version (an ETag from a read).",
                    example = "\"42\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Map<String, String> changes) {
        return qualities.update(currentUser.id(), projectId, changes, VersionETag.parseIfMatch(ifMatch)).map(QualitiesResource::withETag);
    }

    private static RestResponse<QualitiesView> withETag(Project project) {
        return RestResponse.ResponseBuilder.ok(QualitiesView.of(project))
                .header(HttpHeaders.ETAG, VersionETag.of(project.version()))
                .build();
    }
}
