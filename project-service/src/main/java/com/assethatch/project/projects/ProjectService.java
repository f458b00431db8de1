package com.assethatch.project.projects;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.project.events.ChangeEvent;
import com.assethatch.project.events.ChangeFeed;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Project rules: Postgres commits first, then the change is written through to the cache. */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository repository;
    private final ProjectCache cache;
    private final ChangeFeed changes;

    public ProjectService(ProjectRepository repository, ProjectCache cache, ChangeFeed changes) {
        this.repository = repository;
        this.cache = cache;
        this.changes = changes;
    }

    public Uni<Project> create(CreateProjectRequest request) {
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        Phase phase = request.phase() != null ? Phase.of(request.phase()) : Phase.PLANNING;
        return repository.insert(id, request.name(), phase, request.userId())
                .map(inserted -> inserted.orElseThrow(() -> ApiException.conflict(
                        "Project " + id + " already exists", Map.of("id", id))))
                .flatMap(cache::afterCommit)
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
                .flatMap(cache::afterCommit)
                .call(project -> changes.publish(new ChangeEvent(ChangeEvent.PROJECT, project.id(), project.version(),
                        ProjectView.of(project))));
    }

}
