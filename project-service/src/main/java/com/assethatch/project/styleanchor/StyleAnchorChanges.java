package com.assethatch.project.styleanchor;

import com.assethatch.project.events.ChangePayload;
import com.assethatch.project.events.ChangeRenderer;
import com.assethatch.project.events.ChangeType;
import com.assethatch.project.events.LoggedChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/** {@code style-anchor} events: the project's anchor as committed now (without its image bytes). */
@ApplicationScoped
public class StyleAnchorChanges implements ChangeRenderer {

    private final StyleAnchorRepository repository;

    public StyleAnchorChanges(StyleAnchorRepository repository) {
        this.repository = repository;
    }

    @Override
    public Set<ChangeType> types() {
        return Set.of(ChangeType.STYLE_ANCHOR);
    }

    @Override
    public Uni<Optional<ChangePayload>> render(LoggedChange change) {
        return repository.findByProject(change.entityId()).map(anchor -> anchor.map(ChangePayload.class::cast));
    }
}
