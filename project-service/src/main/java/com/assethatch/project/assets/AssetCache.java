package com.assethatch.project.assets;

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

/**
 * A generated asset lives twice in the fast tier: under its own key (GET by id) and as a member of its
 * project's asset index (the list the UI polls). Both carry the row's version; deletes leave tombstones.
 */
@ApplicationScoped
public class AssetCache implements CacheRefresher {

    private final CacheKeys keys;
    private final ReadThrough readThrough;
    private final WriteThrough writeThrough;
    private final AssetRepository repository;
    private final RowVersions versions;
    private final ReadThrough.Shape<GeneratedAsset> shape =
            new ReadThrough.Shape<>(GeneratedAsset.class, GeneratedAsset::version);

    public AssetCache(CacheKeys keys, ReadThrough readThrough, WriteThrough writeThrough, AssetRepository repository,
            RowVersions versions) {
        this.keys = keys;
        this.readThrough = readThrough;
        this.writeThrough = writeThrough;
        this.repository = repository;
        this.versions = versions;
    }

    public Uni<Optional<GeneratedAsset>> find(String id) {
        return readThrough.entity(keys.asset(id), shape, () -> repository.findById(id));
    }

    public Uni<List<GeneratedAsset>> findAllOf(String projectId) {
        return readThrough.index(keys.projectAssets(projectId), shape, GeneratedAsset::id,
                () -> repository.findAllOf(projectId));
    }

    public Uni<GeneratedAsset> writeThrough(GeneratedAsset asset) {
        return writeThrough.afterCommit(stored(asset), List.of(settlement(asset.id(), asset.version()))).replaceWith(asset);
    }

    public Uni<Void> writeThroughDeletion(AssetRepository.Deleted gone) {
        return writeThrough.afterCommit(tombstoned(gone.id(), gone.projectId(), gone.tombstoneVersion()),
                List.of(settlement(gone.id(), gone.tombstoneVersion())));
    }

    @Override
    public String entityType() {
        return AssetRepository.ENTITY_TYPE;
    }

    @Override
    public Uni<List<CacheOp>> currentState(String id, String projectId) {
        return storedOrTombstoned(repository.findById(id), this::stored, versions,
                tombstoneVersion -> tombstoned(id, projectId, tombstoneVersion));
    }

    private static Settlement settlement(String id, long version) {
        return new Settlement(AssetRepository.ENTITY_TYPE, id, version);
    }

    private List<CacheOp> stored(GeneratedAsset asset) {
        String payload = readThrough.encode(asset);
        return List.of(
                new CacheOp.PutEntity(keys.asset(asset.id()), asset.version(), payload),
                new CacheOp.PutIndexEntry(keys.projectAssets(asset.projectId()), asset.id(), asset.version(), payload));
    }

    @Override
    public List<CacheOp> tombstoned(String id, String projectId, long tombstoneVersion) {
        return List.of(
                new CacheOp.PutEntity(keys.asset(id), tombstoneVersion, null),
                new CacheOp.PutIndexEntry(keys.projectAssets(projectId), id, tombstoneVersion, null));
    }
}
