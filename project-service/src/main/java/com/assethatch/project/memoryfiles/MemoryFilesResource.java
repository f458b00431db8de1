package com.assethatch.project.memoryfiles;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.common.error.ApiError;
import com.assethatch.common.validation.OneOf;
import com.assethatch.project.ProjectServiceApi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

@Path("/api/projects/{id}/memory-files")
@Tag(name = "Memory files", description = "The plan (entities.json, markdown) and the other files the AI agent keeps per project.")
public class MemoryFilesResource {

    private final MemoryFileService memoryFiles;
    private final CurrentUser currentUser;

    public MemoryFilesResource(MemoryFileService memoryFiles, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.memoryFiles = memoryFiles;
    }

    @Schema(name = "MemoryFileList")
    public record Listed(@Schema(example = "true") boolean success, List<MemoryFile> files) {
    }

    @Schema(name = "MemoryFileSaved")
    public record Saved(@Schema(example = "true") boolean success, MemoryFile file) {
    }

    @GET
    @Operation(summary = "List a project's memory files", description = "Newest first; an empty list is not an error.")
    @APIResponse(responseCode = "200", description = "The files.")
    @APIResponse(responseCode = "400", description = "Unknown type filter.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    public Uni<Listed> list(@Parameter(description = "Project id.") @PathParam("id") String projectId,
            @Parameter(description = "Only files of this type.", example = "entities.json",
                    schema = @Schema(ref = "MemoryFileType"))
            @QueryParam("type") @OneOf(value = MemoryFileType.class, message = MemoryFileType.ONE_OF) String type) {
        return memoryFiles.list(currentUser.id(), projectId, Optional.ofNullable(type)).map(files -> new Listed(true, files));
    }

    @POST
    @Operation(summary = "Save a memory file",
            description = "Creates the project's file of this type or replaces its content (one file per type). "
                    + "Saving the same content again changes nothing.")
    @APIResponse(responseCode = "200", description = "The saved file.")
    @APIResponse(responseCode = "400", description = "Unknown type, empty content (`Content cannot be empty`), "
            + "`Content too large (max 10MB)` or malformed JSON.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    @APIResponse(responseCode = "413", description = "The request body exceeds the server's body limit.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<Saved> save(@Parameter(description = "Project id.") @PathParam("id") String projectId,
            @Valid @NotNull(message = "Content cannot be empty") SaveMemoryFileRequest request) {
        return memoryFiles.save(currentUser.id(), projectId, request).map(file -> new Saved(true, file));
    }
}
