package com.assethatch.project.projects;

import com.assethatch.project.cache.CacheKeys;
import com.assethatch.project.cache.CacheOp;
import com.assethatch.project.cache.CacheRefresher;
import com.assethatch.project.cache.Committed;
import com.assethatch.project.cache.ReadThrough;
import com.assethatch.project.cache.WriteThrough;
import com.assethatch.project.persistence.RowVersions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** How projects live in the fast tier: one versioned entry per project, tombstoned on delete. */
@ApplicationScoped
public class ProjectCache implements CacheRefresher {

    private final CacheKeys keys;
    private final ReadThrough readThrough;
    private final WriteThrough writeThrough;
    private final ProjectRepository repository;
    private final RowVersions versions;
    private final ReadThrough.Shape<Project> shape;

    public ProjectCache(CacheKeys keys, ReadThrough readThrough, WriteThrough writeThrough,
            ProjectRepository repository, RowVersions versions) {
        this.keys = keys;
        this.readThrough = readThrough;
        this.writeThrough = writeThrough;
        this.repository = repository;
        this.versions = versions;
        this.shape = new ReadThrough.Shape<>(Project.class, Project::version);
    }

    public Uni<Optional<Project>> find(String projectId) {
        return readThrough.entity(keys.project(projectId), shape, () -> repository.findById(projectId));
    }

    /** Writes a committed change through to Redis; completes with the project either way. */
    public Uni<Project> writeThrough(Committed<Project> committed) {
        Project project = committed.value();
        return writeThrough.afterCommit(committed.outboxId(), stored(project), project.version()).replaceWith(project);
    }

    public Uni<Void> writeThroughDeletion(String projectId, ProjectRepository.Deleted deleted) {
        return writeThrough.afterCommit(deleted.outboxId(), deletedOps(projectId, deleted.tombstoneVersion()),
                deleted.tombstoneVersion());
    }

    @Override
    public String entityType() {
        return ProjectRepository.ENTITY_TYPE;
    }

    @Override
    public Uni<List<CacheOp>> currentState(String projectId, String ignoredProjectId) {
        return storedOrTombstoned(repository.findById(projectId), this::stored, versions,
                tombstoneVersion -> deletedOps(projectId, tombstoneVersion));
    }

    private List<CacheOp> stored(Project project) {
        return List.of(new CacheOp.PutEntity(keys.project(project.id()), project.version(), readThrough.encode(project)));
    }

    /**
     * Tombstones keep late writers from bringing the project (or its anchor) back. Its lists are simply
     * dropped: a late write can only recreate a partial list, which is never trusted as complete.
     */
    private List<CacheOp> deletedOps(String projectId, long tombstoneVersion) {
        return List.of(
                new CacheOp.PutEntity(keys.project(projectId), tombstoneVersion, null),
                new CacheOp.PutEntity(keys.styleAnchor(projectId), tombstoneVersion, null),
                new CacheOp.DropKeys(List.of(keys.projectAssets(projectId), keys.projectMemoryFiles(projectId))));
    }
}
