package com.assethatch.project.cache;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The second half of every write: after the commit, bring Redis up to the committed version, then
 * settle its outbox rows. A Redis failure does not fail the request (the data is safe in Postgres):
 * the outbox row stays for the relay, and the keys are marked so reads skip them until repaired.
 */
@ApplicationScoped
public class WriteThrough {

    private final VersionedCache cache;
    private final CacheOutbox outbox;
    private final PendingRepairs pendingRepairs;
    private final CacheMetrics metrics;

    public WriteThrough(VersionedCache cache, CacheOutbox outbox, PendingRepairs pendingRepairs, CacheMetrics metrics) {
        this.cache = cache;
        this.outbox = outbox;
        this.pendingRepairs = pendingRepairs;
        this.metrics = metrics;
    }

    /** Completes once Redis holds the change or the failure is recorded; never fails. */
    public Uni<Void> afterCommit(List<CacheOp> ops, List<Settlement> settled) {
        return apply(ops)
                .onItem().transformToUni(ignored -> outbox.settle(settled)
                        .onFailure().invoke(e -> Log.debugf("Outbox rows of %s left to the relay: %s", settled, e.getMessage()))
                        .onFailure().recoverWithNull())
                .onFailure().recoverWithUni(e -> {
                    metrics.writeFailed();
                    ops.forEach(this::markMissed);
                    Log.warnf("Cache write-through failed (the outbox relay will repair %s): %s", settled, describe(e));
                    return Uni.createFrom().voidItem();
                });
    }

    /** Applies the operations in order and records which repairs they settle; fails on the first Redis error. */
    public Uni<Void> apply(List<CacheOp> ops) {
        return Multi.createFrom().iterable(ops)
                .onItem().transformToUniAndConcatenate(op -> cache.apply(op).invoke(held -> settle(op, held)))
                .collect().last()
                .replaceWithVoid();
    }

    private void settle(CacheOp op, long heldVersion) {
        if (op instanceof CacheOp.PutEntity put) {
            pendingRepairs.repaired(put.key(), PendingRepairs.WHOLE_ENTRY, heldVersion);
        } else if (op instanceof CacheOp.PutIndexEntry put) {
            pendingRepairs.repaired(put.indexKey(), put.field(), heldVersion);
        } else {
            pendingRepairs.cleared(op.keys());
        }
    }

    /** A drop that failed leaves the keys bypassed until a later drop succeeds. */
    private void markMissed(CacheOp op) {
        if (op instanceof CacheOp.PutEntity put) {
            pendingRepairs.markMissed(put.key(), PendingRepairs.WHOLE_ENTRY, put.version());
        } else if (op instanceof CacheOp.PutIndexEntry put) {
            pendingRepairs.markMissed(put.indexKey(), put.field(), put.version());
        } else {
            op.keys().forEach(key -> pendingRepairs.markMissed(key, PendingRepairs.WHOLE_ENTRY, Long.MAX_VALUE));
        }
    }

    static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
