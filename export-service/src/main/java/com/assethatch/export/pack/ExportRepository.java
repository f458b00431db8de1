package com.assethatch.export.pack;

import com.assethatch.export.ExportServiceApi;
import com.assethatch.export.pack.ExportRows.AnchorImage;
import com.assethatch.export.pack.ExportRows.ApprovedImage;
import com.assethatch.export.pack.ExportRows.ProjectRow;
import com.assethatch.common.imagestore.ImageStore;
import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.io.InputStream;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an export's metadata from Postgres, read-only, with plain JDBC on the calling worker thread, all in one
 * {@link Snapshot} (a REPEATABLE READ, READ ONLY transaction), so every check and the manifest see one state of
 * the database. Image bytes come later, through {@link com.assethatch.export.images.ImageSource}, checked against
 * the sha256 and size read here.
 */
@ApplicationScoped
public class ExportRepository {

    /** The status of a generated asset that goes into the pack. */
    private static final String APPROVED = "approved";

    private final AgroalDataSource dataSource;
    private final ExportConfig config;
    private final ImageStore store;

    public ExportRepository(AgroalDataSource dataSource, ExportConfig config, ImageStore store) {
        this.dataSource = dataSource;
        this.config = config;
        this.store = store;
    }

    /** Takes a connection and starts the snapshot transaction on it. Close the snapshot when done. */
    public Snapshot openSnapshot() throws SQLException {
        return Snapshot.open(dataSource, config.maxIdleInTransaction());
    }

    /**
     * The owner's project; another owner's is not found, exactly like a missing one. Every later read of the
     * snapshot is of this project, so this query is the export's owner check.
     */
    public Optional<ProjectRow> project(Snapshot snapshot, String ownerId, String projectId) throws SQLException {
        return first(snapshot.connection(), """
                SELECT id, name, mode, created_at, art_style, base_resolution, perspective, game_genre, theme, mood,
                       color_palette
                FROM project WHERE id = ? AND owner_id = ?""", row -> new ProjectRow(row.getString("id"), row.getString("name"),
                row.getString("mode"), row.getObject("created_at", OffsetDateTime.class), row.getString("art_style"),
                row.getString("base_resolution"), row.getString("perspective"), row.getString("game_genre"),
                row.getString("theme"), row.getString("mood"), row.getString("color_palette")), projectId, ownerId);
    }

    /** The approved images' metadata, oldest first; no image bytes. */
    public List<ApprovedImage> approvedImages(Snapshot snapshot, String projectId) throws SQLException {
        try (PreparedStatement query = snapshot.connection().prepareStatement("""
                SELECT id, asset_id, media_type, byte_size, sha256, width, height, metadata::text AS metadata, seed,
                       prompt_used, created_at
                FROM generated_asset WHERE project_id = ? AND status = ?
                ORDER BY created_at, id""")) {
            query.setString(1, projectId);
            query.setString(2, APPROVED);
            try (ResultSet row = query.executeQuery()) {
                List<ApprovedImage> images = new ArrayList<>();
                while (row.next()) {
                    images.add(new ApprovedImage(row.getString("id"), row.getString("asset_id"),
                            row.getString("media_type"), row.getLong("byte_size"), row.getString("sha256"),
                            row.getObject("width", Integer.class), row.getObject("height", Integer.class),
                            row.getString("metadata"), row.getLong("seed"), row.getString("prompt_used"),
                            row.getObject("created_at", OffsetDateTime.class)));
                }
                return images;
            }
        }
    }

    /** The markdown plan, stored as the memory file {@link ExportServiceApi#PLAN_MEMORY_FILE}. */
    public Optional<String> plan(Snapshot snapshot, String projectId) throws SQLException {
        return first(snapshot.connection(), "SELECT content FROM memory_file WHERE project_id = ? AND type = ?",
                row -> row.getString("content"), projectId, ExportServiceApi.PLAN_MEMORY_FILE);
    }

    /** The style anchor, when the project has one with an image. */
    public Optional<AnchorImage> anchor(Snapshot snapshot, String projectId) throws SQLException {
        return first(snapshot.connection(), """
                SELECT media_type, coalesce(byte_size, length(image)) AS byte_size,
                       coalesce(sha256, encode(sha256(image), 'hex')) AS sha256
                FROM style_anchor WHERE project_id = ? AND (image IS NOT NULL OR image_key IS NOT NULL)""",
                row -> new AnchorImage(row.getString("media_type"), row.getLong("byte_size"), row.getString("sha256")),
                projectId);
    }

    /**
     * The first {@code length} bytes of an approved image: enough to read its size from the header. Only rows written
     * before sizes were recorded need it; when such a row's bytes are in the image store, the header is read from there.
     */
    public Optional<byte[]> imageHeader(Snapshot snapshot, String imageId, int length) throws SQLException {
        Optional<HeaderSource> found = first(snapshot.connection(),
                "SELECT substring(image FROM 1 FOR ?) AS header, image_key FROM generated_asset WHERE id = ?",
                row -> new HeaderSource(row.getBytes("header"), row.getString("image_key")), length, imageId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.get().rowBytes() != null) {
            return Optional.of(found.get().rowBytes());
        }
        try (InputStream object = store.open(found.get().objectKey())) {
            return Optional.of(object.readNBytes(length));
        } catch (IOException | RuntimeException e) { // no size then, as for an image whose header says none
            return Optional.empty();
        }
    }

    /** The header bytes from the row, or else the key of the object that holds them. */
    private record HeaderSource(byte[] rowBytes, String objectKey) {
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static <T> Optional<T> first(Connection connection, String sql, RowMapper<T> mapper, Object... arguments)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                query.setObject(i + 1, arguments[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.ofNullable(mapper.map(row)) : Optional.empty();
            }
        }
    }
}
