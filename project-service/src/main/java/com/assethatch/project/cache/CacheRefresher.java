package com.assethatch.project.cache;

import com.assethatch.project.persistence.RowVersions;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Knows how one kind of cached row looks in Redis. The outbox relay asks it for the operations that
 * bring the cache up to the row's current state in Postgres (a put, or a tombstone once it is gone).
 */
public interface CacheRefresher {

    /** The {@code entity_type} this refresher handles in the outbox. */
    String entityType();

    Uni<List<CacheOp>> currentState(String entityId, String projectId);

    /** The operations that tell the cache the row is gone, at a version newer than any it had. */
    List<CacheOp> tombstoned(String entityId, String projectId, long tombstoneVersion);

    /** Stores the row read from Postgres or, when it is gone, tombstones it at a version newer than any write. */
    default <T> Uni<List<CacheOp>> storedOrTombstoned(Uni<Optional<T>> row, Function<T, List<CacheOp>> stored,
            RowVersions versions, LongFunction<List<CacheOp>> tombstoned) {
        return row.flatMap(found -> found.isPresent()
                ? Uni.createFrom().item(stored.apply(found.get()))
                : versions.next().map(tombstoned::apply));
    }
}
