package com.assethatch.project.wholeproject;

import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.project.cache.CacheLayouts;
import com.assethatch.project.cache.CacheOutbox;
import com.assethatch.project.cache.CacheUpdate;
import com.assethatch.project.cache.Tombstone;
import com.assethatch.project.cache.WriteThrough;
import com.assethatch.project.events.ChangeEvent;
import com.assethatch.project.events.ChangeFeed;
import com.assethatch.project.projects.ProjectRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Deleting a project deletes everything it owns in one statement (the schema cascades and records an
 * outbox row per deleted row); then every cached entry of it is tombstoned by its own cache.
 */
@ApplicationScoped
public class ProjectDeletion {

    private final Pool pool;
    private final ProjectRepository projects;
    private final CacheOutbox outbox;
    private final CacheLayouts caches;
    private final WriteThrough writeThrough;
    private final ChangeFeed changes;

    public ProjectDeletion(Pool pool, ProjectRepository projects, CacheOutbox outbox, CacheLayouts caches,
            WriteThrough writeThrough, ChangeFeed changes) {
        this.pool = pool;
        this.projects = projects;
        this.outbox = outbox;
        this.caches = caches;
        this.writeThrough = writeThrough;
        this.changes = changes;
    }

    public Uni<Void> delete(String id) {
        return pool.withTransaction(transaction -> projects.delete(transaction, id)
                        .flatMap(found -> found ? outbox.owedByDeletedProject(transaction, id)
                                : Uni.createFrom().failure(new ProjectNotFoundException())))
                .call(owed -> writeThrough.afterCommit(tombstones(id, owed)))
                .call(owed -> changes.publish(new ChangeEvent(ChangeEvent.PROJECT_DELETED, id,
                        owed.get(0).tombstoneVersion(), Map.of("projectId", id))))
                .invoke(() -> Log.infof("Deleted project %s", id))
                .replaceWithVoid();
    }

    /** Each entity tombstoned by its own cache layout. */
    private CacheUpdate tombstones(String projectId, List<CacheOutbox.OwedEntity> owed) {
        return owed.stream()
                .flatMap(entity -> caches.of(entity.entityType()).stream()
                        .map(cache -> cache.updateFor(new Tombstone(entity.entityId(), projectId, entity.tombstoneVersion()))))
                .reduce(CacheUpdate.none(), CacheUpdate::plus);
    }
}
