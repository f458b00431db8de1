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
import java.util.List;
import java.util.Optional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
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

    private static final String LAST_EVENT_ID = "Last-Event-ID";

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
            description = "Only the caller's own project. First a `connected` event, then one event per committed change: `project`, `qualities`, "
                    + "`memory-file`, `asset`, `style-anchor`, `project-deleted` (the last event: the stream ends). Each "
                    + "event's id is the change's version and its data a JSON ChangeEvent carrying the entity's state as "
                    + "committed. Comment lines keep idle connections open.\n\n"
                    + "**Guarantee: at-least-once, ordered per project, resumable.** Events come from what Postgres "
                    + "committed (a change log written by the committing statement), not from a message sent after the "
                    + "commit, so no event is lost when an instance dies or a notification is dropped. Within a project, "
                    + "ids only grow. A client that reconnects with `Last-Event-ID` (EventSource does this by itself; or "
                    + "the `lastEventId` query parameter) first receives, in order, every change after that id that it "
                    + "missed, then the live ones, with no gap and no repeat at the seam. An event's data is the entity's "
                    + "state as committed when the event was sent, which is newer than its id when the entity changed again "
                    + "since (the later change's event follows); a change to an entity deleted since is skipped (its "
                    + "deletion follows). An event may arrive twice after a reconnect: apply events idempotently (by the "
                    + "data's version). If the id is older than the change log keeps "
                    + "(`asset-hatch.events.retention`), unknown or unreadable, a `resync` event follows `connected`: "
                    + "refetch the project's state, then apply the events that follow. The `connected` event's id is the "
                    + "point the stream resumes after. A slow client gets events as fast as it reads them (the backlog stays "
                    + "in the log). Streams end when the instance shuts down; EventSource reconnects and resumes.")
    @APIResponse(responseCode = "200", description = "An event stream.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ChangeEventSchemas.AnyChangeEvent.class)))
    @APIResponse(responseCode = "404", ref = ProjectServiceApi.PROJECT_NOT_FOUND)
    public Multi<OutboundSseEvent> stream(@Parameter(description = "Project id.") @PathParam("id") String projectId,
            @Parameter(description = "The id of the last event the client received: the stream replays every change "
                    + "after it. Sent by EventSource when it reconnects.")
            @HeaderParam(LAST_EVENT_ID) String lastEventIdHeader,
            @Parameter(description = "As the Last-Event-ID header, for clients that cannot set headers (EventSource "
                    + "polyfills, a first connection resuming a saved id); the header wins when both are sent.")
            @QueryParam("lastEventId") String lastEventIdParam,
            @Context Sse sse) {
        Project project = foundProject.get();
        Optional<String> lastEventId = Optional.ofNullable(lastEventIdHeader).or(() -> Optional.ofNullable(lastEventIdParam));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        Multi<OutboundSseEvent> events = feed.start(projectId, lastEventId).onItem().transformToMulti(start -> {
            Multi<RenderedChange> opening = Multi.createFrom().iterable(opening(project, start));
            // No overflow buffer: the cursor reads the log only as fast as the client takes events.
            Multi<RenderedChange> changes = feed.changesAfter(currentUser.id(), projectId, start.cursor());
            return Multi.createBy().concatenating().streams(opening, changes).map(change -> event(sse, change));
        });
        // Heartbeats never end by themselves: the stream ends when the events do (after project-deleted).
        OutboundSseEvent end = sse.newEventBuilder().comment("end").build();
        return feed.untilShutdown(Multi.createBy().merging()
                .streams(Multi.createBy().concatenating().streams(events, Multi.createFrom().item(end)), heartbeats)
                .select().first(event -> event != end));
    }

    /** The first events of a stream: {@code connected} (its id is where the stream resumes), then {@code resync} if due. */
    private List<RenderedChange> opening(Project project, ChangeFeed.Start start) {
        RenderedChange connected = feed.render(new ChangeEvent(ChangeType.CONNECTED, project.id(), start.cursor(),
                new Connected(project.name())));
        return start.resync()
                ? List.of(connected, feed.render(new ChangeEvent(ChangeType.RESYNC, project.id(), start.cursor(),
                        new Resync("Cannot replay the changes since the given Last-Event-ID; refetch the project"))))
                : List.of(connected);
    }

    /** The data of a {@code resync} event: why the client must refetch. */
    @Schema(name = "StreamResync", description = "Why the client must refetch the project.")
    public record Resync(String reason) implements ChangePayload {
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
