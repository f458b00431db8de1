package com.assethatch.project.projects;

import com.assethatch.project.events.ChangePayload;
import com.assethatch.project.events.ChangeRenderer;
import com.assethatch.project.events.ChangeType;
import com.assethatch.project.events.LoggedChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/** {@code project} and {@code qualities} events: the project row as committed now, in the shape each route returns. */
@ApplicationScoped
public class ProjectChanges implements ChangeRenderer {

    private final ProjectRepository repository;

    public ProjectChanges(ProjectRepository repository) {
        this.repository = repository;
    }

    @Override
    public Set<ChangeType> types() {
        return Set.of(ChangeType.PROJECT, ChangeType.QUALITIES);
    }

    @Override
    public Uni<Optional<ChangePayload>> render(LoggedChange change) {
        return repository.findById(change.entityId()).map(project -> project.map(current ->
                change.type() == ChangeType.QUALITIES ? QualitiesView.of(current) : ProjectView.of(current)));
    }
}
