package com.assethatch.project.projects;

import com.assethatch.project.cache.CacheLayout;
import com.assethatch.project.cache.CacheTier;
import com.assethatch.project.cache.VersionedCache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * A project lives under one key of its own, {@code <prefix>:project:<id>}, tombstoned on delete. Next to the row
 * the key holds its qualities view as the response body and its owner, so a cache hit of GET qualities does no
 * JSON work.
 */
@Singleton
public class ProjectCache extends CacheLayout<Project> {

    /** The view {@link #findView} serves for GET qualities: {@link QualitiesView} as JSON. */
    public static final String QUALITIES_VIEW = "qualities";

    private final ProjectRepository repository;

    public ProjectCache(CacheTier tier, ProjectRepository repository) {
        super(Project.class, tier);
        this.repository = repository;
    }

    @Override
    public String entityType() {
        return "project";
    }

    @Override
    protected String idOf(Project project) {
        return project.id();
    }

    @Override
    protected Map<String, String> viewsOf(Project project) {
        return project.ownerId() == null ? Map.of(QUALITIES_VIEW, encode(QualitiesView.of(project)))
                : Map.of(QUALITIES_VIEW, encode(QualitiesView.of(project)), VersionedCache.OWNER_VIEW, project.ownerId());
    }

    @Override
    protected Uni<Optional<Project>> load(String id) {
        return repository.findById(id);
    }

    @Override
    protected String entryKey(String id) {
        return key("project", id);
    }
}
