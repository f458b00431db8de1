package com.assethatch.project.projects;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.project.writes.WritePipeline;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Project rules; every change goes through the {@link WritePipeline}. */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository repository;
    private final ProjectCache cache;
    private final WritePipeline writes;

    public ProjectService(ProjectRepository repository, ProjectCache cache, WritePipeline writes) {
        this.repository = repository;
        this.cache = cache;
        this.writes = writes;
    }

    /** A new project of {@code ownerId}; a {@code userId} in the request is not trusted (the owner is the caller). */
    public Uni<Project> create(String ownerId, CreateProjectRequest request) {
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        Phase phase = request.phase() != null ? Phase.of(request.phase()) : Phase.PLANNING;
        Mode mode = request.mode() != null ? Mode.of(request.mode()) : Mode.TWO_D;
        return writes.write(repository.insert(id, request.name(), phase, mode, ownerId), cache::updateFor)
                .map(inserted -> inserted.orElseThrow(() -> ApiException.conflict(
                        "Project " + id + " already exists", Map.of("id", id))))
                .invoke(project -> Log.infof("Created project %s (version %d)", project.id(), project.version()));
    }

    /**
     * The owner's project, from the cache when it holds a trustworthy copy. Another owner's project is not found,
     * exactly like a missing one: the cached row carries its owner, so this is one lookup, not two.
     */
    public Uni<Project> get(String ownerId, String id) {
        return cache.find(id).map(project -> project.filter(found -> ownerId.equals(found.ownerId()))
                .orElseThrow(ProjectNotFoundException::new));
    }

    public Uni<List<Project>> listRecent(String ownerId, int limit) {
        return repository.findRecent(ownerId, limit);
    }

    public Uni<Project> update(String ownerId, String id, UpdateProjectRequest request) {
        if (request.name() == null && request.phase() == null) {
            return get(ownerId, id);
        }
        return writes.write(
                        repository.update(ownerId, id, Optional.ofNullable(request.name()),
                                Optional.ofNullable(request.phase()).map(Phase::of)),
                        cache::updateFor)
                .map(updated -> updated.orElseThrow(ProjectNotFoundException::new));
    }
}
