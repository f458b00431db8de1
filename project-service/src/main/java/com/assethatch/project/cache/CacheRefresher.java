package com.assethatch.project.cache;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Knows how one kind of cached row looks in Redis. The outbox relay asks it for the operations that
 * bring the cache up to the row's current state in Postgres (a put, or a tombstone once it is gone).
 */
public interface CacheRefresher {

    /** The {@code entity_type} this refresher handles in the outbox. */
    String entityType();

    Uni<List<CacheOp>> currentState(String entityId, String projectId);
}
