package com.assethatch.project.wholeproject;

import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.project.cache.CacheLayouts;
import com.assethatch.project.cache.CacheOutbox;
import com.assethatch.project.cache.CacheUpdate;
import com.assethatch.project.cache.Tombstone;
import com.assethatch.project.events.ChangePayload;
import com.assethatch.project.projects.ProjectRepository;
import com.assethatch.project.writes.WritePipeline;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Deleting a project deletes everything it owns in one statement (the schema cascades and records an
 * outbox row per deleted row); then every cached entry of it is tombstoned by its own cache layout
 * (docs/consistency.md, "Deleting a project").
 */
@ApplicationScoped
public class ProjectDeletion {

    private final Pool pool;
    private final ProjectRepository projects;
    private final CacheOutbox outbox;
    private final CacheLayouts caches;
    private final WritePipeline writes;

    public ProjectDeletion(Pool pool, ProjectRepository projects, CacheOutbox outbox, CacheLayouts caches,
            WritePipeline writes) {
        this.pool = pool;
        this.projects = projects;
        this.outbox = outbox;
        this.caches = caches;
        this.writes = writes;
    }

    /** The data of a {@code project-deleted} event. */
    @Schema(name = "ProjectRemoval", description = "The project that was deleted.")
    public record ProjectDeleted(String projectId) implements ChangePayload {
    }

    /** A committed deletion: what the cache may still hold of the project, and the tombstones' version. */
    private record Deletion(String projectId, List<CacheOutbox.OwedEntity> owed, long tombstoneVersion) {
    }

    public Uni<Void> delete(String ownerId, String id) {
        return writes.write(commit(ownerId, id), this::tombstones)
                .map(deleted -> deleted.orElseThrow(ProjectNotFoundException::new))
                .invoke(() -> Log.infof("Deleted project %s", id))
                .replaceWithVoid();
    }

    private Uni<Optional<Deletion>> commit(String ownerId, String id) {
        return pool.withTransaction(transaction -> projects.delete(transaction, ownerId, id)
                .flatMap(found -> !found ? Uni.createFrom().item(Optional.<Deletion>empty())
                        : outbox.owedByDeletedProject(transaction, id)
                                .map(owed -> Optional.of(new Deletion(id, owed, owed.get(0).tombstoneVersion())))));
    }

    /** Each entity tombstoned by its own cache layout. */
    private CacheUpdate tombstones(Deletion deletion) {
        return deletion.owed().stream()
                .flatMap(entity -> caches.of(entity.entityType()).stream().map(cache -> cache.updateFor(
                        new Tombstone(entity.entityId(), deletion.projectId(), deletion.tombstoneVersion()))))
                .reduce(CacheUpdate.none(), CacheUpdate::plus);
    }
}
