package com.assethatch.project.live;

import com.assethatch.project.ProjectServiceApi;
import com.assethatch.project.events.ChangeEvent;
import com.assethatch.project.events.ChangeFeed;
import com.assethatch.project.events.EventsConfig;
import com.assethatch.project.projects.Project;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Map;
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
    private final ChangeFeed feed;
    private final EventsConfig config;
    private final ObjectMapper json;

    public EventsResource(FoundProject foundProject, ChangeFeed feed, EventsConfig config, ObjectMapper json) {
        this.foundProject = foundProject;
        this.feed = feed;
        this.config = config;
        this.json = json;
    }

    @GET
    @ExistingProject
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream a project's changes",
            description = "First a `connected` event with the project's current version, then one event per committed "
                    + "change: `project`, `qualities`, `memory-file`, `asset`, `style-anchor`, `project-deleted`. Each "
                    + "event's id is the changed row's version and its data a JSON ChangeEvent. Comment lines keep idle "
                    + "connections open. A client that falls too far behind is disconnected, and streams end when the instance "
                    + "shuts down; EventSource reconnects.")
    @APIResponse(responseCode = "200", description = "An event stream.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ChangeEvent.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    public Multi<OutboundSseEvent> stream(@Parameter(description = "Project id.") @PathParam("id") String projectId,
            @Context Sse sse) {
        Project project = foundProject.get();
        OutboundSseEvent connected = event(sse, ChangeEvent.CONNECTED, project.version(),
                new ChangeEvent(ChangeEvent.CONNECTED, project.id(), project.version(), Map.of("name", project.name())));
        Multi<OutboundSseEvent> changes = feed.changesOf(projectId)
                .onOverflow().buffer(config.clientBuffer())
                .map(envelope -> toEvent(sse, envelope));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return feed.untilShutdown(Multi.createBy().concatenating().streams(Multi.createFrom().item(connected),
                Multi.createBy().merging().streams(changes, heartbeats)));
    }

    private OutboundSseEvent toEvent(Sse sse, String envelope) {
        try {
            JsonNode event = json.readTree(envelope).get("event");
            return event(sse, event.get("type").asText(), event.get("version").asLong(), event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable change envelope", e);
        }
    }

    /** Data is sent as a JSON string, so each event carries exactly the standard SSE fields. */
    private OutboundSseEvent event(Sse sse, String name, long version, Object data) {
        try {
            return sse.newEventBuilder()
                    .name(name)
                    .id(String.valueOf(version))
                    .data(json.writeValueAsString(data))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + name + " event", e);
        }
    }
}
