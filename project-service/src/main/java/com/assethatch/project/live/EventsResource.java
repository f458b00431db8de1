package com.assethatch.project.live;

import com.assethatch.common.auth.CurrentUser;
import com.assethatch.project.ProjectServiceApi;
import com.assethatch.project.events.ChangeEvent;
import com.assethatch.project.events.ChangeFeed;
import com.assethatch.project.events.ChangePayload;
import com.assethatch.project.events.ChangeType;
import com.assethatch.project.events.RenderedChange;
import com.assethatch.project.events.EventsConfig;
import com.assethatch.project.projects.Project;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/projects/{id}/events")
@Tag(name = "Live changes", description = "Server-Sent Events: every committed change to a project, from any instance.")
public class EventsResource {

    private final FoundProject foundProject;
    private final CurrentUser currentUser;
    private final ChangeFeed feed;
    private final EventsConfig config;

    public EventsResource(FoundProject foundProject, CurrentUser currentUser, ChangeFeed feed, EventsConfig config) {
        this.foundProject = foundProject;
        this.currentUser = currentUser;
        this.feed = feed;
        this.config = config;
    }

    @GET
    @ExistingProject
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream a project's changes",
            description = "Only the caller's own project. First a `connected` event with the project's current version, then one event per committed "
                    + "change: `project`, `qualities`, `memory-file`, `asset`, `style-anchor`, `project-deleted`. Each "
                    + "event's id is the changed row's version and its data a JSON ChangeEvent (one schema per event "
                    + "type, told apart by `type`). Comment lines keep idle "
                    + "connections open. A client that falls too far behind is disconnected, and streams end when the instance "
                    + "shuts down; EventSource reconnects.")
    @APIResponse(responseCode = "200", description = "An event stream.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ChangeEventSchemas.AnyChangeEvent.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    public Multi<OutboundSseEvent> stream(@Parameter(description = "Project id.") @PathParam("id") String projectId,
            @Context Sse sse) {
        Project project = foundProject.get();
        String ownerId = currentUser.id();
        ChangeEvent connected = new ChangeEvent(ChangeType.CONNECTED, project.id(), project.version(),
                new Connected(project.name()));
        Multi<OutboundSseEvent> changes = feed.changesOf(ownerId, projectId)
                .onOverflow().buffer(config.clientBuffer())
                .map(change -> event(sse, change));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return feed.untilShutdown(Multi.createBy().concatenating().streams(Multi.createFrom().item(event(sse, feed.render(ownerId, connected))),
                Multi.createBy().merging().streams(changes, heartbeats)));
    }

    /** The data of the first event: the project the stream is about. */
    @Schema(name = "StreamConnected", description = "The project the stream is about.")
    public record Connected(String name) implements ChangePayload {
    }

    /** The data is the change's JSON as rendered once for all clients, so each event carries exactly the standard SSE fields. */
    private static OutboundSseEvent event(Sse sse, RenderedChange change) {
        return sse.newEventBuilder()
                .name(change.eventName())
                .id(String.valueOf(change.version()))
                .data(change.json())
                .build();
    }
}
