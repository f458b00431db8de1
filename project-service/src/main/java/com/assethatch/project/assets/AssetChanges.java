package com.assethatch.project.assets;

import com.assethatch.project.events.ChangePayload;
import com.assethatch.project.events.ChangeRenderer;
import com.assethatch.project.events.ChangeType;
import com.assethatch.project.events.LoggedChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/** {@code asset} events: the asset as committed now (metadata, no image bytes), or {@code {id, deleted: true}}. */
@ApplicationScoped
public class AssetChanges implements ChangeRenderer {

    private final AssetRepository repository;

    public AssetChanges(AssetRepository repository) {
        this.repository = repository;
    }

    @Override
    public Set<ChangeType> types() {
        return Set.of(ChangeType.ASSET);
    }

    @Override
    public Uni<Optional<ChangePayload>> render(LoggedChange change) {
        if (change.deleted()) {
            return Uni.createFrom().item(Optional.of(new AssetService.AssetDeleted(change.entityId(), true)));
        }
        return repository.findById(change.entityId()).map(asset -> asset.map(ChangePayload.class::cast));
    }
}
