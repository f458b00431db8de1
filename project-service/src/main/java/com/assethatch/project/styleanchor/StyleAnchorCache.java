package com.assethatch.project.styleanchor;

import com.assethatch.project.cache.CacheLayout;
import com.assethatch.project.cache.CacheTier;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The anchor's record (not its image) under one key per project, {@code <prefix>:project:<id>:style-anchor}. */
@Singleton
public class StyleAnchorCache extends CacheLayout<StyleAnchor> {

    private final StyleAnchorRepository repository;

    public StyleAnchorCache(CacheTier tier, StyleAnchorRepository repository) {
        super(StyleAnchor.class, tier);
        this.repository = repository;
    }

    @Override
    public String entityType() {
        return "style-anchor";
    }

    /** One anchor per project: the project id identifies it. */
    @Override
    protected String idOf(StyleAnchor anchor) {
        return anchor.projectId();
    }

    @Override
    protected Uni<Optional<StyleAnchor>> load(String projectId) {
        return repository.findByProject(projectId);
    }

    @Override
    protected String entryKey(String projectId) {
        return key("project", projectId, "style-anchor");
    }
}
