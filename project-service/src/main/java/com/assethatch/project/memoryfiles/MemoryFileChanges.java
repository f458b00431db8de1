package com.assethatch.project.memoryfiles;

import com.assethatch.project.events.ChangePayload;
import com.assethatch.project.events.ChangeRenderer;
import com.assethatch.project.events.ChangeType;
import com.assethatch.project.events.LoggedChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/** {@code memory-file} events: the file as committed now, without its content. */
@ApplicationScoped
public class MemoryFileChanges implements ChangeRenderer {

    private final MemoryFileRepository repository;

    public MemoryFileChanges(MemoryFileRepository repository) {
        this.repository = repository;
    }

    @Override
    public Set<ChangeType> types() {
        return Set.of(ChangeType.MEMORY_FILE);
    }

    @Override
    public Uni<Optional<ChangePayload>> render(LoggedChange change) {
        return repository.findById(change.entityId())
                .map(file -> file.map(MemoryFileService.MemoryFileChanged::of));
    }
}
