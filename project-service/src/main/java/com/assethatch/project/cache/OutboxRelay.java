package com.assethatch.project.cache;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Repairs the cache after any failed write-through, crash or restart: claims due outbox rows, re-reads
 * each changed row from Postgres, compare-and-sets its current state into Redis and deletes the rows.
 * A failed repair is retried with exponential backoff; nothing is dropped.
 */
@ApplicationScoped
public class OutboxRelay {

    private final Pool pool;
    private final CacheOutbox outbox;
    private final WriteThrough writeThrough;
    private final CacheMetrics metrics;
    private final CacheConfig.Relay config;
    private final CacheLayouts layouts;
    private final RetryBackoff backoff;
    private final AtomicReference<CompletableFuture<Void>> currentRun =
            new AtomicReference<>(CompletableFuture.completedFuture(null));
    private volatile boolean stopping;

    public OutboxRelay(Pool pool, CacheOutbox outbox, WriteThrough writeThrough, CacheMetrics metrics,
            CacheConfig config, CacheLayouts layouts) {
        this.pool = pool;
        this.outbox = outbox;
        this.writeThrough = writeThrough;
        this.metrics = metrics;
        this.config = config.relay();
        this.layouts = layouts;
        this.backoff = new RetryBackoff(this.config.initialBackoff(), this.config.maxBackoff());
    }

    @Scheduled(every = "${asset-hatch.cache.relay.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relayDueRepairs() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        CompletableFuture<Void> run = new CompletableFuture<>();
        currentRun.set(run);
        return relayOnce().eventually(() -> run.complete(null));
    }

    /**
     * On shutdown no new run starts and the one in flight may finish, so its claimed rows are settled
     * rather than left to the next start (they would be repaired then anyway: nothing is lost).
     */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        try {
            currentRun.get().get(config.shutdownWait().toMillis(), TimeUnit.MILLISECONDS);
            Log.info("Outbox relay stopped");
        } catch (TimeoutException e) {
            Log.warnf("Outbox relay still busy after %s; its rows will be repaired after the next start",
                    config.shutdownWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            Log.debugf("Last outbox relay run failed: %s", e.getMessage());
        }
    }

    private Uni<Void> relayOnce() {
        return pool.withTransaction(transaction -> outbox.claimDue(transaction, config.batchSize())
                        .flatMap(due -> repairAll(transaction, due)))
                .flatMap(ignored -> outbox.backlog())
                .invoke(backlog -> metrics.outboxBacklog(backlog))
                .onFailure().invoke(e -> Log.warnf("Outbox relay run failed, retrying next run: %s", WriteThrough.describe(e)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Repairs entity by entity; after the first Redis failure the rest wait for the next run. */
    private Uni<Void> repairAll(SqlClient transaction, List<CacheOutbox.OutboxEntry> due) {
        Map<String, List<CacheOutbox.OutboxEntry>> byEntity = due.stream().collect(Collectors.groupingBy(
                entry -> entry.entityType() + '\u0000' + entry.entityId(), LinkedHashMap::new, Collectors.toList()));
        AtomicBoolean redisFailed = new AtomicBoolean();
        return Multi.createFrom().iterable(byEntity.values())
                .onItem().transformToUniAndConcatenate(entries -> redisFailed.get()
                        ? Uni.createFrom().voidItem()
                        : repair(transaction, entries, redisFailed))
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> repair(SqlClient transaction, List<CacheOutbox.OutboxEntry> entries, AtomicBoolean redisFailed) {
        CacheOutbox.OutboxEntry first = entries.get(0);
        List<Long> ids = entries.stream().map(CacheOutbox.OutboxEntry::id).toList();
        CacheLayout<?> layout = layouts.of(first.entityType()).orElse(null);
        if (layout == null) {
            Log.errorf("No cache layout for outbox entity type '%s'; rows %s kept for a release that has one",
                    first.entityType(), ids);
            return outbox.postpone(transaction, ids, config.maxBackoff(), "unknown entity type");
        }
        return layout.repairOperations(first.entityId(), first.projectId())
                .flatMap(writeThrough::apply)
                .flatMap(ignored -> outbox.deleteAll(transaction, ids))
                .invoke(() -> {
                    metrics.repaired(1);
                    Log.debugf("Repaired cache for %s %s", first.entityType(), first.entityId());
                })
                .onFailure().recoverWithUni(e -> {
                    redisFailed.set(true);
                    int attempts = entries.stream().mapToInt(CacheOutbox.OutboxEntry::attempts).max().orElse(0);
                    Log.infof("Cache repair of %s %s failed (attempt %d), retrying later: %s",
                            first.entityType(), first.entityId(), attempts + 1, WriteThrough.describe(e));
                    return outbox.postpone(transaction, ids, backoff.after(attempts), WriteThrough.describe(e));
                });
    }
}
