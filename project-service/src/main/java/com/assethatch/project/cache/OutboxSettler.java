package com.assethatch.project.cache;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Settles outbox rows off the request path, many writes per statement (docs/consistency.md §3). A write whose
 * Redis copy landed hands its settlements here and responds; one {@code DELETE} at a time runs, and everything
 * handed in meanwhile goes into the next one, so under load a statement settles many writes and a PATCH costs
 * one Postgres round trip (its commit), not two.
 *
 * <p>Nothing is lost if a settle never runs (a crash) or fails: the outbox rows stay, and the relay, which only
 * takes rows older than its grace period, re-writes the current row to Redis (compare-and-set, so harmless) and
 * deletes them.
 */
@ApplicationScoped
public class OutboxSettler {

    private final CacheOutbox outbox;
    private final CacheConfig.Relay config;
    private List<Settlement> pending = new ArrayList<>();
    private List<CompletableFuture<Void>> pendingWaiters = new ArrayList<>();
    private List<CompletableFuture<Void>> inFlightWaiters = new ArrayList<>();
    private boolean flushing;

    public OutboxSettler(CacheOutbox outbox, CacheConfig config) {
        this.outbox = outbox;
        this.config = config.relay();
    }

    /** Queues these settlements; returns at once. */
    public void settle(List<Settlement> settled) {
        boolean start;
        synchronized (this) {
            pending.addAll(settled);
            start = !flushing;
            flushing = true;
        }
        if (start) {
            flushNext();
        }
    }

    /** Completes once every settlement queued before this call was flushed (or its statement failed). */
    public Uni<Void> drained() {
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        synchronized (this) {
            if (!pending.isEmpty()) {
                pendingWaiters.add(waiter);
            } else if (flushing) {
                inFlightWaiters.add(waiter);
            } else {
                return Uni.createFrom().voidItem();
            }
        }
        return Uni.createFrom().completionStage(waiter);
    }

    private void flushNext() {
        List<Settlement> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                flushing = false;
                return;
            }
            batch = pending;
            pending = new ArrayList<>();
            inFlightWaiters = pendingWaiters;
            pendingWaiters = new ArrayList<>();
        }
        outbox.settle(batch).subscribe().with(ignored -> flushed(), e -> {
            Log.debugf("%d outbox rows left to the relay: %s", batch.size(), WriteThrough.describe(e));
            flushed();
        });
    }

    private void flushed() {
        List<CompletableFuture<Void>> waiters;
        synchronized (this) {
            waiters = inFlightWaiters;
            inFlightWaiters = new ArrayList<>();
        }
        waiters.forEach(waiter -> waiter.complete(null));
        flushNext();
    }

    /** On shutdown, settles what is queued, so the next start has fewer rows to repair (nothing is lost either way). */
    void drainOnShutdown(@Observes ShutdownEvent event) {
        try {
            drained().subscribeAsCompletionStage().get(config.shutdownWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            Log.debugf("Outbox settlements not flushed before shutdown, the relay will take them: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
