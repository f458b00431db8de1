package com.assethatch.project.wholeproject;

import com.assethatch.project.events.ChangePayload;
import com.assethatch.project.events.ChangeRenderer;
import com.assethatch.project.events.ChangeType;
import com.assethatch.project.events.LoggedChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/** {@code project-deleted} events: the last event of a project's stream. */
@ApplicationScoped
public class ProjectDeletionChanges implements ChangeRenderer {

    @Override
    public Set<ChangeType> types() {
        return Set.of(ChangeType.PROJECT_DELETED);
    }

    @Override
    public Uni<Optional<ChangePayload>> render(LoggedChange change) {
        return Uni.createFrom().item(Optional.of(new ProjectDeletion.ProjectDeleted(change.projectId())));
    }
}
