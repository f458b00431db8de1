package com.assethatch.project.assets;

import com.assethatch.project.cache.CacheLayout;
import com.assethatch.project.cache.CacheTier;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * A generated asset (its record, not its bytes) lives twice: under its own key (GET by id) and as a member
 * of its project's asset list (the list the UI polls). Both carry the row's version; deletes tombstone both.
 */
@Singleton
public class AssetCache extends CacheLayout<GeneratedAsset> {

    private final AssetRepository repository;

    public AssetCache(CacheTier tier, AssetRepository repository) {
        super(GeneratedAsset.class, tier);
        this.repository = repository;
    }

    @Override
    public String entityType() {
        return "asset";
    }

    @Override
    protected String idOf(GeneratedAsset asset) {
        return asset.id();
    }

    @Override
    protected Uni<Optional<GeneratedAsset>> load(String id) {
        return repository.findById(id);
    }

    @Override
    protected String entryKey(String id) {
        return key("asset", id);
    }

    @Override
    protected String listKey(String projectId) {
        return key("project", projectId, "assets");
    }

    @Override
    protected String projectIdOf(GeneratedAsset asset) {
        return asset.projectId();
    }

    @Override
    protected Uni<List<GeneratedAsset>> loadAll(String projectId) {
        return repository.findAllOf(projectId);
    }
}
