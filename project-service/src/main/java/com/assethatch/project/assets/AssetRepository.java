package com.assethatch.project.assets;

import com.assethatch.common.image.ImageFormat;
import com.assethatch.project.cache.Tombstone;
import com.assethatch.project.images.StoredImage;
import com.assethatch.project.images.StoredImages;
import com.assethatch.project.persistence.ExpectedVersions;
import com.assethatch.project.persistence.Rows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Generated assets in Postgres. Listing and change statements never move the image bytes. */
@ApplicationScoped
public class AssetRepository {

    /** Every column but the image itself. */
    private static final String RECORD_COLUMNS = "id, project_id, asset_id, variant_id, status, seed, prompt_used, "
            + "metadata::text AS metadata, media_type, byte_size, sha256, width, height, version, created_at, updated_at";
    /** An asset belongs to its project's owner; {@code $n} is the caller. */
    private static final String OWNED_BY = " AND project_id IN (SELECT id FROM project WHERE owner_id = $%d)";

    private final Pool pool;
    private final ObjectMapper json;
    private final String upsertSql;
    private final String updateStatusSql;
    private final String updateStatusIfVersionSql;

    public AssetRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
        // Upsert by id, only within the same project and plan asset; a re-send of identical data changes
        // nothing. No row comes back when the caller owns no such project, the id belongs elsewhere or nothing
        // changed.
        // The schema's triggers version the row and record its cache outbox row.
        this.upsertSql = """
                INSERT INTO generated_asset (id, project_id, asset_id, variant_id, status, seed, prompt_used, metadata,
                                             image, media_type, byte_size, sha256, width, height, image_key)
                SELECT $1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14, $15
                WHERE EXISTS (SELECT 1 FROM project WHERE id = $2 AND owner_id = $16)
                ON CONFLICT (id) DO UPDATE SET
                    variant_id = COALESCE(EXCLUDED.variant_id, generated_asset.variant_id),
                    status = EXCLUDED.status, seed = EXCLUDED.seed, prompt_used = EXCLUDED.prompt_used,
                    metadata = EXCLUDED.metadata, image = EXCLUDED.image, media_type = EXCLUDED.media_type,
                    byte_size = EXCLUDED.byte_size, sha256 = EXCLUDED.sha256, width = EXCLUDED.width,
                    height = EXCLUDED.height, image_key = EXCLUDED.image_key
                WHERE generated_asset.project_id = EXCLUDED.project_id AND generated_asset.asset_id = EXCLUDED.asset_id
                  AND (generated_asset.variant_id, generated_asset.status, generated_asset.seed,
                       generated_asset.prompt_used, generated_asset.metadata, generated_asset.sha256)
                      IS DISTINCT FROM
                      (COALESCE(EXCLUDED.variant_id, generated_asset.variant_id), EXCLUDED.status, EXCLUDED.seed,
                       EXCLUDED.prompt_used, EXCLUDED.metadata, EXCLUDED.sha256)
                RETURNING\s""" + RECORD_COLUMNS;
        String updateStatus = "UPDATE generated_asset SET status = $2 WHERE id = $1 AND status IS DISTINCT FROM $2"
                + OWNED_BY.formatted(3);
        this.updateStatusSql = updateStatus + " RETURNING " + RECORD_COLUMNS;
        this.updateStatusIfVersionSql = updateStatus + " AND version = ANY($4) RETURNING " + RECORD_COLUMNS;
    }

    public Uni<Optional<GeneratedAsset>> upsert(String ownerId, AssetUpload upload) {
        var image = upload.image();
        Tuple values = Tuple.tuple(List.of(upload.id(), upload.projectId(), upload.assetId()))
                .addValue(upload.variantId())
                .addValue(upload.status())
                .addValue(upload.seed())
                .addValue(upload.promptUsed())
                .addValue(new JsonObject(upload.metadata().toString()))
                .addValue(image.rowBytes() == null ? null : Buffer.buffer(image.rowBytes()))
                .addValue(image.mediaType())
                .addValue(image.byteSize())
                .addValue(image.sha256())
                .addValue(image.width())
                .addValue(image.height())
                .addValue(image.objectKey())
                .addValue(ownerId);
        return pool.preparedQuery(upsertSql).execute(values).map(rows -> Rows.first(rows, this::toAsset));
    }

    /** Any owner's asset: for the cache's read-through only (AssetService checks the owner on what it holds). */
    public Uni<Optional<GeneratedAsset>> findById(String id) {
        return pool.preparedQuery("SELECT " + RECORD_COLUMNS + " FROM generated_asset WHERE id = $1")
                .execute(Tuple.of(id)).map(rows -> Rows.first(rows, this::toAsset));
    }

    /** The asset when it belongs to one of the owner's projects; another owner's asset is not found. */
    public Uni<Optional<GeneratedAsset>> findOwned(String ownerId, String id) {
        return pool.preparedQuery("SELECT " + RECORD_COLUMNS + " FROM generated_asset WHERE id = $1" + OWNED_BY.formatted(2))
                .execute(Tuple.of(id, ownerId)).map(rows -> Rows.first(rows, this::toAsset));
    }

    /** Oldest first, so a list reads in the order the images were made. */
    public Uni<List<GeneratedAsset>> findAllOf(String projectId) {
        return pool.preparedQuery("SELECT " + RECORD_COLUMNS
                        + " FROM generated_asset WHERE project_id = $1 ORDER BY created_at, id")
                .execute(Tuple.of(projectId))
                .map(rows -> Rows.all(rows, this::toAsset));
    }

    /**
     * Sets the status of the owner's asset, only at one of the expected versions; empty when the owner has no such
     * asset, nothing changed or the version moved on.
     */
    public Uni<Optional<GeneratedAsset>> updateStatus(String ownerId, String id, String status,
            ExpectedVersions expectedVersions) {
        var query = expectedVersions.isAny()
                ? pool.preparedQuery(updateStatusSql).execute(Tuple.of(id, status, ownerId))
                : pool.preparedQuery(updateStatusIfVersionSql)
                        .execute(Tuple.of(id, status, ownerId, expectedVersions.asArray()));
        return query.map(rows -> Rows.first(rows, this::toAsset));
    }

    /**
     * Deletes the asset; its tombstone version is taken after the schema recorded the deletion's outbox
     * row, so writing the tombstone settles it.
     */
    public Uni<Optional<Tombstone>> delete(String ownerId, String id) {
        return pool.preparedQuery("DELETE FROM generated_asset WHERE id = $1" + OWNED_BY.formatted(2)
                        + " RETURNING id, project_id, nextval('row_version_seq') AS tombstone_version")
                .execute(Tuple.of(id, ownerId))
                .map(rows -> Rows.first(rows, row -> new Tombstone(row.getString("id"), row.getString("project_id"),
                        row.getLong("tombstone_version"))));
    }

    /**
     * Where the image's bytes are (the bytes themselves when the row holds them, else the object's key), for an asset
     * the caller has already found as its own.
     */
    public Uni<Optional<StoredImage>> image(String id) {
        return pool.preparedQuery("SELECT " + StoredImages.COLUMNS + " FROM generated_asset WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, StoredImages::of));
    }


    private GeneratedAsset toAsset(Row row) {
        return new GeneratedAsset(row.getString("id"), row.getString("project_id"), row.getString("asset_id"),
                row.getString("variant_id"), AssetStatus.of(row.getString("status")), row.getLong("seed"), row.getString("prompt_used"),
                parse(row.getString("metadata")), mediaType(row.getString("media_type")), row.getInteger("byte_size"),
                row.getString("sha256"), row.getInteger("width"), row.getInteger("height"), row.getLong("version"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }

    private static ImageFormat mediaType(String stored) {
        return ImageFormat.ofMediaType(stored).orElseThrow(() -> new IllegalStateException("Unknown media type " + stored));
    }

    private JsonNode parse(String metadata) {
        try {
            return json.readTree(metadata);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

}
