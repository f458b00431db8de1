package com.assethatch.project.events;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One stream's position in a project's change log. Every wake-up reads the log after the cursor and emits what it
 * finds in version order; reads never overlap, and a wake-up during a read makes it read again, so a change that
 * commits at any moment is read by the current or the next read. Replay and live are the same reads: no seam.
 */
final class ProjectCursor {

    private final String ownerId;
    private final String projectId;
    private final ChangeLog log;
    private final Map<ChangeType, ChangeRenderer> renderers;
    private final Vertx vertx;
    private final EventsConfig config;
    private final Function<ChangeEvent, RenderedChange> render;
    private final MultiEmitter<? super RenderedChange> emitter;
    private long cursor;
    private boolean reading;
    private boolean readAgain;
    private boolean closed;
    /** A read is due but the client has asked for nothing more: the next request resumes reading. */
    private boolean awaitingDemand;
    private MessageConsumer<Object> projectWakeUps;
    private MessageConsumer<Object> allWakeUps;
    private long catchUpTimer;

    ProjectCursor(String ownerId, String projectId, long cursor, ChangeLog log, Map<ChangeType, ChangeRenderer> renderers, Vertx vertx,
            EventsConfig config, Function<ChangeEvent, RenderedChange> render, MultiEmitter<? super RenderedChange> emitter) {
        this.ownerId = ownerId;
        this.projectId = projectId;
        this.cursor = cursor;
        this.log = log;
        this.renderers = renderers;
        this.vertx = vertx;
        this.config = config;
        this.render = render;
        this.emitter = emitter;
    }

    /** Listens for wake-ups first, then reads: whatever commits after this read's snapshot wakes it again. */
    void open() {
        projectWakeUps = vertx.eventBus().localConsumer(ChangeListener.wakeAddress(projectId), message -> wake());
        allWakeUps = vertx.eventBus().localConsumer(ChangeListener.wakeAllAddress(), message -> wake());
        catchUpTimer = vertx.setPeriodic(config.catchUpInterval().toMillis(), timer -> wake());
        emitter.onTermination(this::close);
        emitter.onRequest(requested -> resumeOnDemand());
        wake();
    }

    /**
     * Reads now, or after the read in flight. A client that has not asked for more (a long replay to a slow client)
     * is read for when it asks, so the log, not memory, holds what it has yet to receive.
     */
    private void wake() {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (reading) {
                readAgain = true;
                return;
            }
            if (emitter.requested() <= 0) {
                awaitingDemand = true;
                return;
            }
            reading = true;
            readAgain = false;
        }
        read();
    }

    private void resumeOnDemand() {
        boolean due;
        synchronized (this) {
            due = awaitingDemand;
            awaitingDemand = false;
        }
        if (due) {
            wake();
        }
    }

    private void read() {
        log.after(ownerId, projectId, cursor, config.readBatch())
                .flatMap(page -> renderInOrder(page).map(events -> new Batch(page.changes(), events)))
                .subscribe().with(this::deliver, this::readFailed);
    }

    private void deliver(Batch batch) {
        for (RenderedChange event : batch.events()) {
            emitter.emit(event);
            if (ChangeType.PROJECT_DELETED.eventName().equals(event.eventName())) {
                emitter.complete();
                return;
            }
        }
        boolean due;
        synchronized (this) {
            if (!batch.changes().isEmpty()) {
                cursor = batch.changes().get(batch.changes().size() - 1).version();
            }
            due = !closed && (batch.changes().size() == config.readBatch() || readAgain);
            readAgain = false;
            reading = false;
        }
        if (due) {
            wake();
        }
    }

    /** Postgres unreachable, say: the cursor stays put and the next wake-up (the catch-up timer at the latest) retries. */
    private void readFailed(Throwable failure) {
        Log.warnf("Reading the changes of project %s failed, retrying on the next wake-up: %s", projectId,
                failure.getMessage());
        synchronized (this) {
            reading = false;
        }
    }

    /**
     * The events of a batch, one per change, in version order. Each carries the entity's state as committed now, which
     * is a later change's state if the entity changed again meanwhile; a change to a row deleted since is skipped (its
     * deletion follows).
     */
    private Uni<List<RenderedChange>> renderInOrder(ChangeLog.Page page) {
        return Multi.createFrom().iterable(page.changes())
                // A project deleted and re-created by someone else: its rows are not this reader's; deletions still are.
                .filter(change -> change.deleted() || page.projectOwnedByReader())
                .onItem().transformToUniAndConcatenate(this::renderOne)
                .filter(Optional::isPresent)
                .map(Optional::get)
                .collect().asList();
    }

    private Uni<Optional<RenderedChange>> renderOne(LoggedChange change) {
        ChangeRenderer renderer = renderers.get(change.type());
        if (renderer == null) {
            Log.warnf("No renderer for %s changes; skipping version %d", change.type(), change.version());
            return Uni.createFrom().item(Optional.empty());
        }
        return renderer.render(change).map(payload -> payload.map(data ->
                render.apply(new ChangeEvent(change.type(), change.projectId(), change.version(), data))));
    }

    private void close() {
        synchronized (this) {
            closed = true;
        }
        projectWakeUps.unregister();
        allWakeUps.unregister();
        vertx.cancelTimer(catchUpTimer);
    }

    /** What one read found, and the events it became. */
    private record Batch(List<LoggedChange> changes, List<RenderedChange> events) {
    }
}
