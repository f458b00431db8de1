package com.assethatch.project.styleanchor;

import com.assethatch.common.image.ImageFormat;
import com.assethatch.project.images.StoredImage;
import com.assethatch.project.images.PlacedImage;
import com.assethatch.project.images.StoredImages;
import com.assethatch.project.persistence.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class StyleAnchorRepository {

    private static final String RECORD_COLUMNS = "id, project_id, style_keywords, lighting_keywords, color_palette, model, "
            + "media_type, byte_size, sha256, width, height, version, created_at, updated_at";

    private final Pool pool;
    private final String upsertSql;

    public StyleAnchorRepository(Pool pool) {
        this.pool = pool;
        // One anchor per project, replaced whole; an identical PUT changes nothing. No row comes back when
        // the owner has no such project or nothing changed.
        this.upsertSql = """
                INSERT INTO style_anchor (project_id, image, media_type, byte_size, sha256, width, height,
                                          style_keywords, lighting_keywords, color_palette, model, image_key)
                SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
                WHERE EXISTS (SELECT 1 FROM project WHERE id = $1 AND owner_id = $13)
                ON CONFLICT (project_id) DO UPDATE SET
                    image = EXCLUDED.image, media_type = EXCLUDED.media_type, byte_size = EXCLUDED.byte_size,
                    sha256 = EXCLUDED.sha256, width = EXCLUDED.width, height = EXCLUDED.height,
                    style_keywords = EXCLUDED.style_keywords, lighting_keywords = EXCLUDED.lighting_keywords,
                    color_palette = EXCLUDED.color_palette, model = EXCLUDED.model, image_key = EXCLUDED.image_key
                WHERE (style_anchor.sha256, style_anchor.style_keywords, style_anchor.lighting_keywords,
                       style_anchor.color_palette, style_anchor.model)
                      IS DISTINCT FROM
                      (EXCLUDED.sha256, EXCLUDED.style_keywords, EXCLUDED.lighting_keywords,
                       EXCLUDED.color_palette, EXCLUDED.model)
                RETURNING\s""" + RECORD_COLUMNS;
    }

    public Uni<Optional<StyleAnchor>> upsert(String ownerId, String projectId, StyleAnchorRequest request,
            PlacedImage image) {
        List<String> palette = request.colorPalette() == null ? List.of() : request.colorPalette();
        Tuple values = Tuple.tuple()
                .addValue(projectId)
                .addValue(image.rowBytes() == null ? null : Buffer.buffer(image.rowBytes()))
                .addValue(image.mediaType())
                .addValue(image.byteSize())
                .addValue(image.sha256())
                .addValue(image.width())
                .addValue(image.height())
                .addValue(request.styleKeywords())
                .addValue(request.lightingKeywords())
                .addValue(palette.toArray(String[]::new))
                .addValue(request.model())
                .addValue(image.objectKey())
                .addValue(ownerId);
        return pool.preparedQuery(upsertSql).execute(values)
                .map(rows -> Rows.first(rows, StyleAnchorRepository::toAnchor));
    }

    /** Any owner's anchor: for the cache's read-through only (StyleAnchorService checks the owner first). */
    public Uni<Optional<StyleAnchor>> findByProject(String projectId) {
        return pool.preparedQuery("SELECT " + RECORD_COLUMNS + " FROM style_anchor WHERE project_id = $1")
                .execute(Tuple.of(projectId)).map(rows -> Rows.first(rows, StyleAnchorRepository::toAnchor));
    }

    /**
     * The owner's anchor whose own id is {@code id}, else the anchor of the owner's project {@code id}, with its image
     * as a data URL. Postgres encodes the image (without the line breaks its base64 adds), so no event loop does.
     */
    public Uni<Optional<StyleAnchorWithImage>> findOwnedWithImageByIdOrProject(String ownerId, String id) {
        return pool.preparedQuery("SELECT " + RECORD_COLUMNS + ", 'data:' || media_type || ';base64,' || "
                        + "translate(encode(image, 'base64'), E'\\n', '') AS image_data_url FROM style_anchor "
                        + "WHERE (id = $1 OR project_id = $1) AND project_id IN (SELECT id FROM project WHERE owner_id = $2) "
                        + "ORDER BY id = $1 DESC LIMIT 1")
                .execute(Tuple.of(id, ownerId))
                .map(rows -> Rows.first(rows, row -> StyleAnchorWithImage.of(toAnchor(row), row.getString("image_data_url"))));
    }

    /** The owner's anchor; empty when the owner has no such project or it has no anchor. */
    public Uni<Optional<StyleAnchor>> findOwned(String ownerId, String projectId) {
        return pool.preparedQuery("SELECT " + RECORD_COLUMNS + " FROM style_anchor WHERE project_id = $1"
                        + " AND project_id IN (SELECT id FROM project WHERE owner_id = $2)")
                .execute(Tuple.of(projectId, ownerId)).map(rows -> Rows.first(rows, StyleAnchorRepository::toAnchor));
    }

    /** Where the anchor's bytes are: the bytes themselves when the row holds them, else the object's key. */
    public Uni<Optional<StoredImage>> image(String projectId) {
        return pool.preparedQuery("SELECT " + StoredImages.COLUMNS + " FROM style_anchor WHERE project_id = $1")
                .execute(Tuple.of(projectId))
                .map(rows -> Rows.first(rows, StoredImages::of));
    }

    private static StyleAnchor toAnchor(Row row) {
        String[] palette = row.getArrayOfStrings("color_palette");
        return new StyleAnchor(row.getString("id"), row.getString("project_id"), row.getString("style_keywords"),
                row.getString("lighting_keywords"), palette == null ? List.of() : Arrays.asList(palette),
                row.getString("model"), ImageFormat.ofMediaType(row.getString("media_type")).orElseThrow(), row.getInteger("byte_size"),
                row.getString("sha256"), row.getInteger("width"), row.getInteger("height"), row.getLong("version"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
