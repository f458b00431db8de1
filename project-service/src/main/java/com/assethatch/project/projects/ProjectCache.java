package com.assethatch.project.projects;

import com.assethatch.project.cache.CacheKeys;
import com.assethatch.project.cache.CacheOp;
import com.assethatch.project.cache.CacheRefresher;
import com.assethatch.project.cache.Settlement;
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
    public Uni<Project> writeThrough(Project project) {
        return writeThrough.afterCommit(stored(project),
                List.of(new Settlement(ProjectRepository.ENTITY_TYPE, project.id(), project.version()))).replaceWith(project);
    }

    @Override
    public String entityType() {
        return ProjectRepository.ENTITY_TYPE;
    }

    @Override
    public Uni<List<CacheOp>> currentState(String projectId, String ignoredProjectId) {
        return storedOrTombstoned(repository.findById(projectId), this::stored, versions,
                tombstoneVersion -> tombstoned(projectId, projectId, tombstoneVersion));
    }

    /**
     * The tombstone keeps late writers from bringing the project back. Its memory files, assets and anchor
     * are rows of their own: the schema records their deletion too, and their caches tombstone them.
     */
    @Override
    public List<CacheOp> tombstoned(String projectId, String sameProjectId, long tombstoneVersion) {
        return List.of(new CacheOp.PutEntity(keys.project(projectId), tombstoneVersion, null));
    }

    private List<CacheOp> stored(Project project) {
        return List.of(new CacheOp.PutEntity(keys.project(project.id()), project.version(), readThrough.encode(project)));
    }
}
