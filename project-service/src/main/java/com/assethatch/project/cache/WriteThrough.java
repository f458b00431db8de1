package com.assethatch.project.cache;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The second half of every write: after the commit, bring Redis up to the committed version, then
 * settle the outbox rows (in batches, off the request path). A Redis failure does not fail the request (the data
 * is safe in Postgres): the outbox rows stay for the relay, and the keys are marked stale so reads skip them until repaired.
 */
@ApplicationScoped
public class WriteThrough {

    private final VersionedCache cache;
    private final OutboxSettler settler;
    private final StaleKeys staleKeys;
    private final CacheMetrics metrics;

    public WriteThrough(VersionedCache cache, OutboxSettler settler, StaleKeys staleKeys, CacheMetrics metrics) {
        this.cache = cache;
        this.settler = settler;
        this.staleKeys = staleKeys;
        this.metrics = metrics;
    }

    /**
     * Completes once Redis holds the change or the failure is recorded; never fails. The outbox rows are settled
     * afterwards, in batches ({@link OutboxSettler}): the request does not wait for that.
     */
    public Uni<Void> afterCommit(CacheUpdate update) {
        return apply(update.ops())
                .invoke(() -> settler.settle(update.settled()))
                .onFailure().recoverWithUni(e -> {
                    metrics.writeFailed();
                    update.ops().forEach(staleKeys::markStale);
                    Log.warnf("Cache write-through failed (the outbox relay will repair %s): %s", update.settled(), describe(e));
                    return Uni.createFrom().voidItem();
                });
    }

    /** Applies the operations in order, each slot caught up as it lands; fails on the first Redis error. */
    Uni<Void> apply(List<CacheOp> ops) {
        return Multi.createFrom().iterable(ops)
                .onItem().transformToUniAndConcatenate(op -> cache.apply(op).invoke(held -> staleKeys.caughtUp(op.slot(), held)))
                .collect().last()
                .replaceWithVoid();
    }

    static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
