package com.assethatch.project.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A project's committed changes as SSE events, from what Postgres committed (docs/consistency.md §6): each stream
 * keeps a cursor (the last version it sent) and reads the change log after it whenever it is woken: by a Postgres
 * notification, by the LISTEN connection coming back, or by a periodic catch-up. Nothing is published on the
 * request path, so a dropped message or an instance that dies after its commit loses no event: delivery is
 * at-least-once, ordered per project, and resumable from any version the log still keeps.
 */
@ApplicationScoped
public class ChangeFeed {

    private final ChangeLog log;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final Map<ChangeType, ChangeRenderer> renderers = new EnumMap<>(ChangeType.class);
    private final Set<Runnable> openStreams = ConcurrentHashMap.newKeySet();

    public ChangeFeed(ChangeLog log, Vertx vertx, ObjectMapper json, EventsConfig config, Instance<ChangeRenderer> renderers) {
        this.log = log;
        this.vertx = vertx;
        this.json = json;
        this.config = config;
        renderers.forEach(renderer -> renderer.types().forEach(type -> this.renderers.put(type, renderer)));
    }

    /** Where a stream begins: after {@code cursor}, and whether its client must refetch first. */
    public record Start(long cursor, boolean resync) {
    }

    /**
     * Where a stream for {@code projectId} starts: after the client's last event id when the log still holds
     * everything since, else (no id, or one that cannot be resumed) after the project's latest change, with a resync
     * when the client had asked to resume.
     */
    public Uni<Start> start(String projectId, Optional<String> lastEventId) {
        if (lastEventId.isEmpty()) {
            return log.latest(projectId).map(latest -> new Start(latest, false));
        }
        OptionalLong resumeAfter = parseVersion(lastEventId.get());
        if (resumeAfter.isEmpty()) {
            return log.latest(projectId).map(latest -> new Start(latest, true));
        }
        return log.canResumeAfter(resumeAfter.getAsLong()).flatMap(resumable -> resumable
                ? Uni.createFrom().item(new Start(resumeAfter.getAsLong(), false))
                : log.latest(projectId).map(latest -> new Start(latest, true)));
    }

    /**
     * Every change of {@code projectId} after {@code cursor}, in version order, replayed from the log and then live,
     * without a gap or a repeat at the seam (one cursor serves both), for {@code ownerId}, who owned the project when
     * the stream was opened. Ends after the project's deletion; a project re-created under the same id by someone else
     * never feeds the stream.
     */
    public Multi<RenderedChange> changesAfter(String ownerId, String projectId, long cursor) {
        return Multi.createFrom().emitter(emitter -> new ProjectCursor(ownerId, projectId, cursor, log, renderers, vertx,
                config, this::render, emitter).open());
    }

    /** The event as SSE clients receive it, rendered to JSON once. */
    public RenderedChange render(ChangeEvent event) {
        return new RenderedChange(event.type().eventName(), event.projectId(), event.version(), encode(event));
    }

    /**
     * Ends {@code stream} as soon as this instance begins to shut down: a live SSE stream would otherwise hold
     * the graceful shutdown for its whole timeout, and browsers reconnect (to another instance) and resume at once.
     */
    public <T> Multi<T> untilShutdown(Multi<T> stream) {
        return Multi.createFrom().emitter(emitter -> {
            Runnable end = emitter::complete;
            openStreams.add(end);
            Cancellable upstream = stream.subscribe().with(emitter::emit, emitter::fail, emitter::complete);
            emitter.onTermination(() -> {
                openStreams.remove(end);
                upstream.cancel();
            });
        });
    }

    void endStreams(@Observes ShutdownDelayInitiatedEvent event) {
        Log.infof("Shutting down: closing %d live event streams", openStreams.size());
        openStreams.forEach(Runnable::run);
    }

    private static OptionalLong parseVersion(String id) {
        try {
            long version = Long.parseLong(id.trim());
            return version >= 0 ? OptionalLong.of(version) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private String encode(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise change event", e);
        }
    }
}
