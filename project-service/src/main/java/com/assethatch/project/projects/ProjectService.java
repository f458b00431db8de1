package com.assethatch.project.projects;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.project.assets.AssetCache;
import com.assethatch.project.assets.AssetRepository;
import com.assethatch.project.events.ChangeEvent;
import com.assethatch.project.events.ChangeFeed;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Project rules: Postgres commits first, then the change is written through to the cache. */
@ApplicationScoped
public class ProjectService {

    private final Pool pool;
    private final ProjectRepository repository;
    private final ProjectCache cache;
    private final AssetRepository assets;
    private final AssetCache assetCache;
    private final ChangeFeed changes;

    public ProjectService(Pool pool, ProjectRepository repository, ProjectCache cache, AssetRepository assets,
            AssetCache assetCache, ChangeFeed changes) {
        this.pool = pool;
        this.repository = repository;
        this.cache = cache;
        this.assets = assets;
        this.assetCache = assetCache;
        this.changes = changes;
    }

    private record Deletion(ProjectRepository.Deleted project, List<AssetRepository.Gone> assets) {
    }

    public Uni<Project> create(CreateProjectRequest request) {
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        Phase phase = request.phase() != null ? Phase.of(request.phase()) : Phase.PLANNING;
        return repository.insert(id, request.name(), phase, request.userId())
                .map(inserted -> inserted.orElseThrow(() -> ApiException.conflict(
                        "Project " + id + " already exists", Map.of("id", id))))
                .flatMap(cache::writeThrough)
                .invoke(project -> Log.infof("Created project %s (version %d)", project.id(), project.version()));
    }

    /** The project, from the cache when it holds a trustworthy copy. */
    public Uni<Project> get(String id) {
        return cache.find(id).map(project -> project.orElseThrow(ProjectNotFoundException::new));
    }

    public Uni<List<Project>> listRecent(int limit) {
        return repository.findRecent(limit);
    }

    public Uni<Project> update(String id, UpdateProjectRequest request) {
        if (request.name() == null && request.phase() == null) {
            return get(id);
        }
        return repository.update(id, Optional.ofNullable(request.name()), Optional.ofNullable(request.phase()).map(Phase::of))
                .map(updated -> updated.orElseThrow(ProjectNotFoundException::new))
                .flatMap(cache::writeThrough)
                .call(project -> changes.publish(new ChangeEvent(ChangeEvent.PROJECT, project.id(), project.version(),
                        ProjectView.of(project))));
    }

    /** Deletes the project and everything it owns in one transaction, then clears their cache entries. */
    public Uni<Void> delete(String id) {
        return pool.withTransaction(transaction -> assets.deleteAllOf(transaction, id)
                        .flatMap(goneAssets -> repository.delete(transaction, id)
                                .map(deleted -> new Deletion(deleted.orElseThrow(ProjectNotFoundException::new), goneAssets))))
                .call(deletion -> cache.writeThroughDeletion(id, deletion.project()))
                .call(deletion -> Multi.createFrom().iterable(deletion.assets())
                        .onItem().transformToUniAndConcatenate(asset -> assetCache.writeThroughProjectDeletion(asset,
                                deletion.project().tombstoneVersion()))
                        .collect().last())
                .map(Deletion::project)
                .call(deleted -> changes.publish(new ChangeEvent(ChangeEvent.PROJECT_DELETED, id,
                        deleted.tombstoneVersion(), Map.of("projectId", id))))
                .invoke(() -> Log.infof("Deleted project %s", id))
                .replaceWithVoid();
    }
}
