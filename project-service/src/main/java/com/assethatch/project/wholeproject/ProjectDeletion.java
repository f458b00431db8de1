package com.assethatch.project.wholeproject;

import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.project.assets.AssetCache;
import com.assethatch.project.assets.AssetRepository;
import com.assethatch.project.events.ChangeEvent;
import com.assethatch.project.events.ChangeFeed;
import com.assethatch.project.projects.ProjectCache;
import com.assethatch.project.projects.ProjectRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Deleting a project deletes everything it owns: one transaction, then every cache entry of it is cleared. */
@ApplicationScoped
public class ProjectDeletion {

    private final Pool pool;
    private final ProjectRepository projects;
    private final ProjectCache projectCache;
    private final AssetRepository assets;
    private final AssetCache assetCache;
    private final ChangeFeed changes;

    public ProjectDeletion(Pool pool, ProjectRepository projects, ProjectCache projectCache, AssetRepository assets,
            AssetCache assetCache, ChangeFeed changes) {
        this.pool = pool;
        this.projects = projects;
        this.projectCache = projectCache;
        this.assets = assets;
        this.assetCache = assetCache;
        this.changes = changes;
    }

    private record Deletion(ProjectRepository.Deleted project, List<AssetRepository.Gone> assets) {
    }

    public Uni<Void> delete(String id) {
        return pool.withTransaction(transaction -> assets.deleteAllOf(transaction, id)
                        .flatMap(goneAssets -> projects.delete(transaction, id)
                                .map(deleted -> new Deletion(deleted.orElseThrow(ProjectNotFoundException::new), goneAssets))))
                .call(deletion -> projectCache.writeThroughDeletion(id, deletion.project()))
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
