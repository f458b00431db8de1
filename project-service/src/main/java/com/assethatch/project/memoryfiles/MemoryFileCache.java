package com.assethatch.project.memoryfiles;

import com.assethatch.project.cache.CacheLayout;
import com.assethatch.project.cache.CacheOp;
import com.assethatch.project.cache.CacheTier;
import com.assethatch.project.cache.Tombstone;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** A project's memory files live in one cached list, {@code <prefix>:project:<id>:memory-files}, one member per type. */
@Singleton
public class MemoryFileCache extends CacheLayout<MemoryFile> {

    private final MemoryFileRepository repository;

    public MemoryFileCache(CacheTier tier, MemoryFileRepository repository) {
        super(MemoryFile.class, tier);
        this.repository = repository;
    }

    @Override
    public String entityType() {
        return "memory-file";
    }

    @Override
    protected String idOf(MemoryFile file) {
        return file.id();
    }

    @Override
    protected Uni<Optional<MemoryFile>> load(String id) {
        return repository.findById(id);
    }

    @Override
    protected String listKey(String projectId) {
        return key("project", projectId, "memory-files");
    }

    @Override
    protected String projectIdOf(MemoryFile file) {
        return file.projectId();
    }

    @Override
    protected String memberOf(MemoryFile file) {
        return file.type().fileName();
    }

    @Override
    protected Uni<List<MemoryFile>> loadAll(String projectId) {
        return repository.findAllOf(projectId);
    }

    /** Memory files are only ever deleted with their project: the whole list goes. */
    @Override
    protected List<CacheOp> opsFor(Tombstone tombstone) {
        return List.of(CacheOp.drop(listKey(tombstone.projectId())));
    }
}
