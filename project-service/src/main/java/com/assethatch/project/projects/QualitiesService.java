package com.assethatch.project.projects;

import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.project.persistence.ExpectedVersions;
import com.assethatch.project.writes.WritePipeline;
import com.assethatch.project.cache.VersionedCache.CachedView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Qualities: a partial update validated by {@link QualityChanges}; an optional expected version (If-Match)
 * guards against lost updates.
 */
@ApplicationScoped
public class QualitiesService {

    private final ProjectService projects;
    private final ProjectRepository repository;
    private final ProjectCache cache;
    private final QualitiesConfig config;
    private final WritePipeline writes;

    public QualitiesService(ProjectService projects, ProjectRepository repository, ProjectCache cache,
            QualitiesConfig config, WritePipeline writes) {
        this.projects = projects;
        this.repository = repository;
        this.cache = cache;
        this.config = config;
        this.writes = writes;
    }

    /**
     * The qualities view as JSON bytes with its version, if {@code ownerId} owns the project: on a cache hit, as Redis
     * holds them (the owner is stored next to them).
     */
    public Uni<CachedView> get(String ownerId, String projectId) {
        return cache.findView(projectId, ProjectCache.QUALITIES_VIEW)
                .map(view -> view.filter(found -> ownerId.equals(found.ownerId()))
                        .orElseThrow(ProjectNotFoundException::new));
    }

    /** Applies a partial update; keys not in {@code changes} keep their values. */
    public Uni<Project> update(String ownerId, String projectId, Map<String, String> changes,
            ExpectedVersions expectedVersions) {
        Map<QualityKey, String> validated = QualityChanges.validate(changes, config.maxValueLength());
        return writes.write(repository.updateQualities(ownerId, projectId, validated, expectedVersions), cache::updateFor)
                .flatMap(updated -> updated.isPresent()
                        ? Uni.createFrom().item(updated.get())
                        : explainMissingUpdate(ownerId, projectId, expectedVersions));
    }

    /** No row was updated: either the owner has no such project or If-Match named an older version. */
    private Uni<Project> explainMissingUpdate(String ownerId, String projectId, ExpectedVersions expectedVersions) {
        return repository.currentVersion(ownerId, projectId).map(current -> {
            if (current.isEmpty()) {
                throw new ProjectNotFoundException();
            }
            throw expectedVersions.staleAgainst(current.getAsLong());
        });
    }
}
