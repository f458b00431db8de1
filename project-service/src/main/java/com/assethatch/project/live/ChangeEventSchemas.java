package com.assethatch.project.live;

import com.assethatch.project.assets.AssetService;
import com.assethatch.project.assets.GeneratedAsset;
import com.assethatch.project.memoryfiles.MemoryFileService;
import com.assethatch.project.projects.ProjectView;
import com.assethatch.project.projects.QualitiesView;
import com.assethatch.project.styleanchor.StyleAnchor;
import com.assethatch.project.wholeproject.ProjectDeletion;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The events of {@code GET /api/projects/{id}/events} as OpenAPI schemas, one per event type, so a generated client
 * gets each event's data typed: {@code ChangeEvent} is their union, told apart by {@code type} (also the SSE event
 * name). Documentation only: the stream sends {@link com.assethatch.project.events.ChangeEvent} records, whose JSON
 * these describe; OpenApiForCodeGenerationTest keeps the list in step with {@link com.assethatch.project.events.ChangeType}.
 */
final class ChangeEventSchemas {

    private static final String VERSION = "The changed row's version, also the SSE event id.";

    private ChangeEventSchemas() {
    }

    @Schema(name = "ChangeEvent", description = "The data of one event of a project's stream; `type` tells which.",
            oneOf = {Connected.class, ProjectChanged.class, QualitiesChanged.class, MemoryFileChanged.class,
                    AssetChanged.class, StyleAnchorChanged.class, ProjectDeleted.class, Resync.class},
            discriminatorProperty = "type",
            discriminatorMapping = {
                    @DiscriminatorMapping(value = "connected", schema = Connected.class),
                    @DiscriminatorMapping(value = "project", schema = ProjectChanged.class),
                    @DiscriminatorMapping(value = "qualities", schema = QualitiesChanged.class),
                    @DiscriminatorMapping(value = "memory-file", schema = MemoryFileChanged.class),
                    @DiscriminatorMapping(value = "asset", schema = AssetChanged.class),
                    @DiscriminatorMapping(value = "style-anchor", schema = StyleAnchorChanged.class),
                    @DiscriminatorMapping(value = "project-deleted", schema = ProjectDeleted.class),
                    @DiscriminatorMapping(value = "resync", schema = Resync.class)})
    interface AnyChangeEvent {
    }

    @Schema(name = "ConnectedEvent", description = "The first event of every stream; version is where the stream resumes after.")
    record Connected(@Schema(enumeration = "connected") String type, String projectId,
            @Schema(description = VERSION) long version, EventsResource.Connected data) {
    }

    @Schema(name = "ProjectEvent", description = "The project's name or phase changed.")
    record ProjectChanged(@Schema(enumeration = "project") String type, String projectId,
            @Schema(description = VERSION) long version, ProjectView data) {
    }

    @Schema(name = "QualitiesEvent", description = "Qualities changed.")
    record QualitiesChanged(@Schema(enumeration = "qualities") String type, String projectId,
            @Schema(description = VERSION) long version, QualitiesView data) {
    }

    @Schema(name = "MemoryFileEvent", description = "A memory file was saved; read its content with GET memory-files.")
    record MemoryFileChanged(@Schema(enumeration = "memory-file") String type, String projectId,
            @Schema(description = VERSION) long version, MemoryFileService.MemoryFileChanged data) {
    }

    @Schema(name = "AssetEvent", description = "A generated asset was stored, changed, or deleted.")
    record AssetChanged(@Schema(enumeration = "asset") String type, String projectId,
            @Schema(description = VERSION) long version,
            @Schema(oneOf = {GeneratedAsset.class, AssetService.AssetDeleted.class}) Object data) {
    }

    @Schema(name = "StyleAnchorEvent", description = "The style anchor was replaced.")
    record StyleAnchorChanged(@Schema(enumeration = "style-anchor") String type, String projectId,
            @Schema(description = VERSION) long version, StyleAnchor data) {
    }

    @Schema(name = "ResyncEvent", description = "The stream cannot replay what the client missed (Last-Event-ID too old, "
            + "unknown or unreadable): refetch the project, then apply the events that follow.")
    record Resync(@Schema(enumeration = "resync") String type, String projectId,
            @Schema(description = VERSION) long version, EventsResource.Resync data) {
    }

    @Schema(name = "ProjectDeletedEvent", description = "The project was deleted; the stream ends.")
    record ProjectDeleted(@Schema(enumeration = "project-deleted") String type, String projectId,
            @Schema(description = VERSION) long version, ProjectDeletion.ProjectDeleted data) {
    }
}
