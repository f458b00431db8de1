package com.assethatch.project.assets;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.project.events.ChangePayload;
import com.assethatch.project.images.ImagePolicy;
import com.assethatch.project.images.ImageStorage;
import com.assethatch.project.persistence.ExpectedVersions;
import com.assethatch.project.images.StoredImage;
import com.assethatch.project.projects.ProjectService;
import com.assethatch.project.writes.WritePipeline;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Generated assets: uploads (an upsert by the client's id), review status changes, deletes. Every change
 * commits to Postgres, is written through to the cache and announced to live clients.
 */
@ApplicationScoped
public class AssetService {

    private static final String BASE64_IMAGE_FIELD = "imageBlob";
    private static final Comparator<GeneratedAsset> OLDEST_FIRST =
            Comparator.comparing(GeneratedAsset::createdAt).thenComparing(GeneratedAsset::id);

    private final AssetRepository repository;
    private final AssetCache cache;
    private final ImagePolicy images;
    private final ProjectService projects;
    private final WritePipeline writes;
    private final ImageStorage storage;

    public AssetService(AssetRepository repository, AssetCache cache, ImagePolicy images, ProjectService projects,
            WritePipeline writes, ImageStorage storage) {
        this.storage = storage;
        this.repository = repository;
        this.cache = cache;
        this.images = images;
        this.projects = projects;
        this.writes = writes;
    }

    public Uni<GeneratedAsset> uploadBase64(String ownerId, AssetFields fields, String imageBlob) {
        return upload(ownerId, fields, BASE64_IMAGE_FIELD, images.decodeBase64(BASE64_IMAGE_FIELD, imageBlob));
    }

    /**
     * Stores the image; sending the same data again is harmless and changes nothing. Blocking (call on a worker
     * thread): the bytes go to the image store before the row is written.
     * {@code imageField} names the field the bytes came in, for error messages.
     */
    public Uni<GeneratedAsset> upload(String ownerId, AssetFields fields, String imageField, byte[] imageBytes) {
        AssetUpload upload = new AssetUpload(fields.id(), fields.projectId(), fields.assetId(), fields.variantId(),
                Optional.ofNullable(fields.status()).orElse(AssetStatus.APPROVED.value()),
                Optional.ofNullable(fields.seed()).orElse(0L),
                fields.promptUsed(), metadataObject(fields), storage.place(images.validate(imageField, imageBytes)));
        return writes.write(repository.upsert(ownerId, upload), cache::updateFor)
                .flatMap(saved -> saved.isPresent()
                        ? Uni.createFrom().item(logStored(saved.get()))
                        : explainUnchangedUpload(ownerId, upload));
    }

    private static GeneratedAsset logStored(GeneratedAsset asset) {
        Log.infof("Stored asset %s (%s, %s, %d bytes) for %s", asset.id(), asset.status().value(), asset.mediaType().mediaType(),
                asset.byteSize(), asset.assetId());
        return asset;
    }

    public Uni<List<GeneratedAsset>> listOf(String ownerId, String projectId, Optional<String> status) {
        return projects.get(ownerId, projectId)
                .flatMap(project -> cache.list(projectId))
                .map(assets -> assets.stream()
                        .filter(asset -> status.map(asset.status().value()::equals).orElse(true))
                        .sorted(OLDEST_FIRST)
                        .toList());
    }

    /**
     * The asset, from the cache when it holds a trustworthy copy, when its project is the caller's (also a cached
     * read); an asset of another owner's project is not found, like a missing one.
     */
    public Uni<GeneratedAsset> get(String ownerId, String id) {
        return cache.find(id).map(asset -> asset.orElseThrow(AssetService::assetNotFound))
                .call(asset -> projects.get(ownerId, asset.projectId())
                        .onFailure(ProjectNotFoundException.class).transform(notOwned -> assetNotFound()));
    }

    /** Approve or reject; the change applies only if the asset is still at one of the expected versions. */
    public Uni<GeneratedAsset> changeStatus(String ownerId, String id, String status, ExpectedVersions expectedVersions) {
        return writes.write(repository.updateStatus(ownerId, id, status, expectedVersions), cache::updateFor)
                .flatMap(updated -> updated.isPresent()
                        ? Uni.createFrom().item(updated.get())
                        : explainUnchangedStatus(ownerId, id, expectedVersions));
    }

    /** No row changed: the asset is missing, If-Match named an older version, or it already had that status. */
    private Uni<GeneratedAsset> explainUnchangedStatus(String ownerId, String id, ExpectedVersions expectedVersions) {
        return repository.findOwned(ownerId, id).map(current -> {
            GeneratedAsset asset = current.orElseThrow(AssetService::assetNotFound);
            if (!expectedVersions.allows(asset.version())) {
                throw expectedVersions.staleAgainst(asset.version());
            }
            return asset;
        });
    }

    public Uni<Void> delete(String ownerId, String id) {
        return writes.write(repository.delete(ownerId, id), cache::updateFor)
                .map(deleted -> deleted.orElseThrow(AssetService::assetNotFound))
                .replaceWithVoid();
    }

    /** The image bytes, unless the client's copy (If-None-Match) is current: then empty. */
    public Uni<Optional<StoredImage>> image(String ownerId, String id, Optional<String> clientSha256) {
        return get(ownerId, id).flatMap(asset -> StoredImage.unlessClientHasIt(asset.sha256(), clientSha256,
                () -> repository.image(id), AssetService::assetNotFound));
    }

    /**
     * No row changed: the caller owns no such project, the id belongs to another of the caller's projects or plan
     * assets (409), or nothing differed. An id taken by another owner's project is a 404, never a 409 that would
     * tell the caller it exists.
     */
    private Uni<GeneratedAsset> explainUnchangedUpload(String ownerId, AssetUpload upload) {
        return repository.findOwned(ownerId, upload.id()).flatMap(existing -> existing.isPresent()
                ? Uni.createFrom().item(sameOwnerConflictOrUnchanged(upload, existing.get()))
                : projects.get(ownerId, upload.projectId()).map(ownProject -> {
                    throw assetNotFound();
                }));
    }

    private static GeneratedAsset sameOwnerConflictOrUnchanged(AssetUpload upload, GeneratedAsset asset) {
        if (!asset.projectId().equals(upload.projectId()) || !asset.assetId().equals(upload.assetId())) {
            throw ApiException.conflict("Generated asset " + upload.id() + " already exists for project "
                    + asset.projectId() + ", plan asset " + asset.assetId() + "; use another id",
                    Map.of("id", asset.id(), "projectId", asset.projectId(), "assetId", asset.assetId()));
        }
        return asset;
    }

    /** The data of the {@code asset} event that announces a deletion. */
    @Schema(name = "AssetRemoval", description = "An asset that was deleted.")
    public record AssetDeleted(String id, boolean deleted) implements ChangePayload {
    }

    private static ObjectNode metadataObject(AssetFields fields) {
        return fields.metadata() instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    private static ApiException assetNotFound() {
        return ApiException.notFound("Asset not found");
    }
}
