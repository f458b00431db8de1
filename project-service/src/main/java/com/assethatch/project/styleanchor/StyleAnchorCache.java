package com.assethatch.project.styleanchor;

import com.assethatch.project.cache.CacheKeys;
import com.assethatch.project.cache.CacheOp;
import com.assethatch.project.cache.CacheRefresher;
import com.assethatch.project.cache.Settlement;
import com.assethatch.project.cache.ReadThrough;
import com.assethatch.project.cache.WriteThrough;
import com.assethatch.project.persistence.RowVersions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The anchor's record (not its image) under one versioned key per project. */
@ApplicationScoped
public class StyleAnchorCache implements CacheRefresher {

    private final CacheKeys keys;
    private final ReadThrough readThrough;
    private final WriteThrough writeThrough;
    private final StyleAnchorRepository repository;
    private final RowVersions versions;
    private final ReadThrough.Shape<StyleAnchor> shape = new ReadThrough.Shape<>(StyleAnchor.class, StyleAnchor::version);

    public StyleAnchorCache(CacheKeys keys, ReadThrough readThrough, WriteThrough writeThrough,
            StyleAnchorRepository repository, RowVersions versions) {
        this.keys = keys;
        this.readThrough = readThrough;
        this.writeThrough = writeThrough;
        this.repository = repository;
        this.versions = versions;
    }

    public Uni<Optional<StyleAnchor>> find(String projectId) {
        return readThrough.entity(keys.styleAnchor(projectId), shape, () -> repository.findByProject(projectId));
    }

    public Uni<StyleAnchor> writeThrough(StyleAnchor anchor) {
        return writeThrough.afterCommit(stored(anchor), List.of(new Settlement(StyleAnchorRepository.ENTITY_TYPE,
                anchor.projectId(), anchor.version()))).replaceWith(anchor);
    }

    @Override
    public String entityType() {
        return StyleAnchorRepository.ENTITY_TYPE;
    }

    @Override
    public Uni<List<CacheOp>> currentState(String projectId, String sameProjectId) {
        return storedOrTombstoned(repository.findByProject(projectId), this::stored, versions,
                tombstone -> tombstoned(projectId, projectId, tombstone));
    }

    @Override
    public List<CacheOp> tombstoned(String projectId, String sameProjectId, long tombstoneVersion) {
        return List.of(new CacheOp.PutEntity(keys.styleAnchor(projectId), tombstoneVersion, null));
    }

    private List<CacheOp> stored(StyleAnchor anchor) {
        return List.of(new CacheOp.PutEntity(keys.styleAnchor(anchor.projectId()), anchor.version(),
                readThrough.encode(anchor)));
    }
}
