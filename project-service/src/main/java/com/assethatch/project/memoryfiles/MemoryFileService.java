package com.assethatch.project.memoryfiles;

import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.project.events.ChangeEvent;
import com.assethatch.project.events.ChangeFeed;
import com.assethatch.project.projects.ProjectService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Memory files: one per (project, type), saved whole; an identical save is a no-op. */
@ApplicationScoped
public class MemoryFileService {

    private static final Comparator<MemoryFile> NEWEST_FIRST = Comparator.comparing(MemoryFile::createdAt).reversed()
            .thenComparing(MemoryFile::type);

    private final MemoryFileRepository repository;
    private final MemoryFileCache cache;
    private final ProjectService projects;
    private final ChangeFeed changes;

    public MemoryFileService(MemoryFileRepository repository, MemoryFileCache cache, ProjectService projects,
            ChangeFeed changes) {
        this.repository = repository;
        this.cache = cache;
        this.projects = projects;
        this.changes = changes;
    }

    /** The project's files, newest first, optionally only those of one type; 404 for an unknown project. */
    public Uni<List<MemoryFile>> list(String projectId, Optional<String> type) {
        return projects.get(projectId).flatMap(project -> filesOf(projectId, type));
    }

    /** As {@link #list}, for a project the caller has already found. */
    public Uni<List<MemoryFile>> filesOf(String projectId, Optional<String> type) {
        return cache.list(projectId).map(files -> files.stream()
                .filter(file -> type.map(file.type()::equals).orElse(true))
                .sorted(NEWEST_FIRST)
                .toList());
    }

    public Uni<MemoryFile> save(String projectId, SaveMemoryFileRequest request) {
        return repository.upsert(projectId, request.type(), request.content())
                .flatMap(saved -> saved.isPresent()
                        ? cache.afterCommit(saved.get()).call(this::announce)
                        : unchangedOrMissingProject(projectId, request.type()));
    }

    private Uni<MemoryFile> unchangedOrMissingProject(String projectId, String type) {
        return repository.find(projectId, type).map(existing -> existing.orElseThrow(ProjectNotFoundException::new));
    }

    /** Announces the change without the content, which may be megabytes; clients fetch it when they need it. */
    private Uni<Void> announce(MemoryFile file) {
        return changes.publish(new ChangeEvent(ChangeEvent.MEMORY_FILE, file.projectId(), file.version(),
                Map.of("id", file.id(), "type", file.type(), "version", file.version(), "updatedAt", file.updatedAt())));
    }
}
