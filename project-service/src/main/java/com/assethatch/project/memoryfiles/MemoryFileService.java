package com.assethatch.project.memoryfiles;

import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.project.events.ChangePayload;
import com.assethatch.project.projects.ProjectService;
import com.assethatch.project.writes.WritePipeline;
import java.time.OffsetDateTime;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Memory files: one per (project, type), saved whole; an identical save is a no-op. */
@ApplicationScoped
public class MemoryFileService {

    private static final Comparator<MemoryFile> NEWEST_FIRST = Comparator.comparing(MemoryFile::createdAt).reversed()
            .thenComparing(file -> file.type().fileName());

    private final MemoryFileRepository repository;
    private final MemoryFileCache cache;
    private final ProjectService projects;
    private final WritePipeline writes;

    public MemoryFileService(MemoryFileRepository repository, MemoryFileCache cache, ProjectService projects,
            WritePipeline writes) {
        this.repository = repository;
        this.cache = cache;
        this.projects = projects;
        this.writes = writes;
    }

    /** The project's files, newest first, optionally only those of one type; 404 for an unknown project. */
    public Uni<List<MemoryFile>> list(String ownerId, String projectId, Optional<String> type) {
        return projects.get(ownerId, projectId).flatMap(project -> filesOf(projectId, type));
    }

    /** As {@link #list}, for a project the caller has already found. */
    public Uni<List<MemoryFile>> filesOf(String projectId, Optional<String> type) {
        return cache.list(projectId).map(files -> files.stream()
                .filter(file -> type.map(file.type().fileName()::equals).orElse(true))
                .sorted(NEWEST_FIRST)
                .toList());
    }

    public Uni<MemoryFile> save(String ownerId, String projectId, SaveMemoryFileRequest request) {
        return writes.write(repository.upsert(ownerId, projectId, request.type(), request.content()), cache::updateFor)
                .flatMap(saved -> saved.isPresent()
                        ? Uni.createFrom().item(saved.get())
                        : unchangedOrMissingProject(ownerId, projectId, request.type()));
    }

    private Uni<MemoryFile> unchangedOrMissingProject(String ownerId, String projectId, String type) {
        return repository.find(ownerId, projectId, type).map(existing -> existing.orElseThrow(ProjectNotFoundException::new));
    }

    /** The data of a {@code memory-file} event: the file without its content, which may be megabytes. */
    @Schema(name = "MemoryFileChange", description = "A memory file that changed, without its content.")
    public record MemoryFileChanged(String id, String type, long version, OffsetDateTime updatedAt) implements ChangePayload {
        public static MemoryFileChanged of(MemoryFile file) {
            return new MemoryFileChanged(file.id(), file.type().fileName(), file.version(), file.updatedAt());
        }
    }
}
