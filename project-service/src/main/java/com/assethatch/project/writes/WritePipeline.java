package com.assethatch.project.writes;

import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.project.cache.CacheUpdate;
import com.assethatch.project.cache.WriteThrough;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way a change is made: commit to Postgres, then write it through to Redis (docs/consistency.md §1, §3).
 * Only the commit can fail the request: once it succeeded the data is saved, and the cache never turns that into an
 * error. Announcing the change is not a step here: the commit itself logs it for the change feed (§6), so nothing
 * is published, or awaited, on the request path.
 */
@ApplicationScoped
public class WritePipeline {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final WriteThrough writeThrough;

    public WritePipeline(WriteThrough writeThrough) {
        this.writeThrough = writeThrough;
    }

    /**
     * Runs {@code commit}; when it changed something, writes {@code cacheUpdate} of it through. Completes with what
     * was committed, or empty when the commit changed nothing.
     */
    public <T> Uni<Optional<T>> write(Uni<Optional<T>> commit, Function<T, CacheUpdate> cacheUpdate) {
        return commit.onFailure(WritePipeline::projectVanished).transform(vanished -> new ProjectNotFoundException())
                .call(committed -> committed.isEmpty() ? Uni.createFrom().voidItem()
                : writeThrough.afterCommit(cacheUpdate.apply(committed.get())));
    }

    /**
     * Every foreign key of the schema points at the project: a child row that lost its parent between the owner check
     * and the insert means the project was deleted meanwhile, which the client must hear as a 404, not a 500.
     */
    private static boolean projectVanished(Throwable failure) {
        return failure instanceof PgException pg && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState());
    }
}
