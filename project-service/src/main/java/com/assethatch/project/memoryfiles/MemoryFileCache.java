package com.assethatch.project.memoryfiles;

import com.assethatch.project.cache.CacheKeys;
import com.assethatch.project.cache.CacheOp;
import com.assethatch.project.cache.CacheRefresher;
import com.assethatch.project.cache.Settlement;
import com.assethatch.project.cache.ReadThrough;
import com.assethatch.project.cache.WriteThrough;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A project's memory files live in one cached index, one member per type. */
@ApplicationScoped
public class MemoryFileCache implements CacheRefresher {

    private final CacheKeys keys;
    private final ReadThrough readThrough;
    private final WriteThrough writeThrough;
    private final MemoryFileRepository repository;
    private final ReadThrough.Shape<MemoryFile> shape;

    public MemoryFileCache(CacheKeys keys, ReadThrough readThrough, WriteThrough writeThrough,
            MemoryFileRepository repository) {
        this.keys = keys;
        this.readThrough = readThrough;
        this.writeThrough = writeThrough;
        this.repository = repository;
        this.shape = new ReadThrough.Shape<>(MemoryFile.class, MemoryFile::version);
    }

    public Uni<List<MemoryFile>> findAllOf(String projectId) {
        return readThrough.index(keys.projectMemoryFiles(projectId), shape, MemoryFile::type,
                () -> repository.findAllOf(projectId));
    }

    public Uni<MemoryFile> writeThrough(MemoryFile file) {
        return writeThrough.afterCommit(stored(file),
                List.of(new Settlement(MemoryFileRepository.ENTITY_TYPE, file.id(), file.version()))).replaceWith(file);
    }

    @Override
    public String entityType() {
        return MemoryFileRepository.ENTITY_TYPE;
    }

    /** Memory files are only ever deleted with their project, which drops the whole index. */
    @Override
    public Uni<List<CacheOp>> currentState(String memoryFileId, String projectId) {
        return repository.findById(memoryFileId).map(file -> file
                .map(this::stored)
                .orElseGet(() -> tombstoned(memoryFileId, projectId, 0)));
    }

    /** Memory files are only ever deleted with their project: the whole index goes. */
    @Override
    public List<CacheOp> tombstoned(String memoryFileId, String projectId, long tombstoneVersion) {
        return List.of(new CacheOp.DropKeys(List.of(keys.projectMemoryFiles(projectId))));
    }

    private List<CacheOp> stored(MemoryFile file) {
        return List.of(new CacheOp.PutIndexEntry(keys.projectMemoryFiles(file.projectId()), file.type(), file.version(),
                readThrough.encode(file)));
    }
}
