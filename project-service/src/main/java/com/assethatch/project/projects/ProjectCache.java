package com.assethatch.project.projects;

import com.assethatch.project.cache.CacheLayout;
import com.assethatch.project.cache.CacheTier;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.Optional;

/** A project lives under one key of its own, {@code <prefix>:project:<id>}, tombstoned on delete. */
@Singleton
public class ProjectCache extends CacheLayout<Project> {

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
    protected Uni<Optional<Project>> load(String id) {
        return repository.findById(id);
    }

    @Override
    protected String entryKey(String id) {
        return key("project", id);
    }
}
