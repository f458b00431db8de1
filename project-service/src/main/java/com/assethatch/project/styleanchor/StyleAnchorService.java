package com.assethatch.project.styleanchor;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.project.images.ImagePolicy;
import com.assethatch.project.images.ImageStorage;
import com.assethatch.project.images.PlacedImage;
import com.assethatch.project.images.StoredImage;
import com.assethatch.project.images.ValidatedImage;
import com.assethatch.project.projects.ProjectService;
import com.assethatch.project.writes.WritePipeline;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The style anchor: one per project, replaced whole; the export includes the current one. */
@ApplicationScoped
public class StyleAnchorService {

    private final StyleAnchorRepository repository;
    private final StyleAnchorCache cache;
    private final ImagePolicy images;
    private final ProjectService projects;
    private final WritePipeline writes;
    private final ImageStorage storage;

    public StyleAnchorService(StyleAnchorRepository repository, StyleAnchorCache cache, ImagePolicy images,
            ProjectService projects, WritePipeline writes, ImageStorage storage) {
        this.storage = storage;
        this.repository = repository;
        this.cache = cache;
        this.images = images;
        this.projects = projects;
        this.writes = writes;
    }

    public Uni<StyleAnchor> replace(String ownerId, String projectId, StyleAnchorRequest request) {
        ValidatedImage validated = images.validate("referenceImage", images.decodeBase64("referenceImage", request.referenceImage()));
        PlacedImage image = storage.place(validated);
        return writes.write(repository.upsert(ownerId, projectId, request, image), cache::updateFor)
                .flatMap(saved -> saved.isPresent()
                        ? Uni.createFrom().item(saved.get())
                        : repository.findOwned(ownerId, projectId).map(existing -> existing.orElseThrow(ProjectNotFoundException::new)));
    }

    public Uni<StyleAnchor> get(String ownerId, String projectId) {
        return projects.get(ownerId, projectId)
                .flatMap(project -> cache.find(projectId))
                .map(anchor -> anchor.orElseThrow(StyleAnchorService::anchorNotFound));
    }

    /**
     * The owner's anchor, by its own id or its project's id, with the image inline. Another owner's anchor is not
     * found, exactly like a missing one.
     */
    public Uni<StyleAnchorWithImage> withImage(String ownerId, String id) {
        if (id == null || id.isBlank()) {
            return Uni.createFrom().failure(ApiException.badRequest("Style anchor ID is required"));
        }
        return repository.findOwnedWithImageByIdOrProject(ownerId, id)
                .map(anchor -> anchor.orElseThrow(StyleAnchorService::anchorNotFound));
    }

    /** The image bytes, unless the client's copy (If-None-Match) is current: then empty. */
    public Uni<Optional<StoredImage>> image(String ownerId, String projectId, Optional<String> clientSha256) {
        return get(ownerId, projectId).flatMap(anchor -> StoredImage.unlessClientHasIt(anchor.sha256(), clientSha256,
                () -> repository.image(projectId), StyleAnchorService::anchorNotFound));
    }

    private static ApiException anchorNotFound() {
        return ApiException.notFound("Style anchor not found");
    }
}
