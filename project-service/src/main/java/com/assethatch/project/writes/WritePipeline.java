package com.assethatch.project.writes;

import com.assethatch.project.cache.CacheUpdate;
import com.assethatch.project.cache.WriteThrough;
import com.assethatch.project.events.ChangeEvent;
import com.assethatch.project.events.ChangeFeed;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way a change is made: commit to Postgres, write it through to Redis, announce it to live
 * clients, in that order (docs/consistency.md §1, §3, §6). Only the commit can fail the request: once it
 * succeeded the data is saved, and the cache and the feed never turn that into an error.
 */
@ApplicationScoped
public class WritePipeline {

    private final WriteThrough writeThrough;
    private final ChangeFeed changes;

    public WritePipeline(WriteThrough writeThrough, ChangeFeed changes) {
        this.writeThrough = writeThrough;
        this.changes = changes;
    }

    /**
     * Runs {@code commit}; when it changed something, writes {@code cacheUpdate} of it through and announces
     * {@code announcement} of it to the live clients of {@code ownerId} (the owner the commit checked). Completes
     * with what was committed, or empty when the commit changed nothing.
     */
    public <T> Uni<Optional<T>> write(String ownerId, Uni<Optional<T>> commit, Function<T, CacheUpdate> cacheUpdate,
            Function<T, ChangeEvent> announcement) {
        return commit.call(committed -> committed.isEmpty() ? Uni.createFrom().voidItem()
                : writeThrough.afterCommit(cacheUpdate.apply(committed.get()))
                        .call(() -> changes.publish(ownerId, announcement.apply(committed.get()))));
    }

    /** As {@link #write(String, Uni, Function, Function)}, for a change nobody can be watching yet (a new project). */
    public <T> Uni<Optional<T>> writeUnannounced(Uni<Optional<T>> commit, Function<T, CacheUpdate> cacheUpdate) {
        return commit.call(committed -> committed.isEmpty() ? Uni.createFrom().voidItem()
                : writeThrough.afterCommit(cacheUpdate.apply(committed.get())));
    }
}
