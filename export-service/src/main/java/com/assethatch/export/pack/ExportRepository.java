package com.assethatch.export.pack;

import com.assethatch.export.pack.ExportRows.AnchorImage;
import com.assethatch.export.pack.ExportRows.ApprovedImage;
import com.assethatch.export.pack.ExportRows.ProjectRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads an export from Postgres, read-only. Every read of one export happens in one
 * {@link Snapshot} (a REPEATABLE READ, READ ONLY transaction), so the manifest written first and the
 * image bytes streamed after it come from the same state of the database.
 */
@ApplicationScoped
public class ExportRepository {

    static final String PLAN_MEMORY_FILE = "entities.json";
    private static final String APPROVED = "approved";

    private final Pool pool;
    private final ExportConfig config;

    public ExportRepository(Pool pool, ExportConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Takes a connection and starts the snapshot transaction on it. Close the snapshot when done. */
    public Uni<Snapshot> openSnapshot() {
        String startSnapshot = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; "
                + "SET LOCAL idle_in_transaction_session_timeout = " + config.maxIdleInTransaction().toMillis();
        return pool.getConnection().flatMap(connection -> connection.begin()
                .call(transaction -> connection.query(startSnapshot).execute())
                .map(transaction -> new Snapshot(connection, transaction))
                .onFailure().call(connection::close));
    }

    public Uni<Optional<ProjectRow>> project(Snapshot snapshot, String projectId) {
        return query(snapshot.connection(), """
                SELECT id, name, created_at, art_style, base_resolution, perspective, game_genre, theme, mood,
                       color_palette
                FROM project WHERE id = $1""", Tuple.of(projectId))
                .map(rows -> first(rows, row -> new ProjectRow(row.getString("id"), row.getString("name"),
                        row.getOffsetDateTime("created_at"), row.getString("art_style"),
                        row.getString("base_resolution"), row.getString("perspective"), row.getString("game_genre"),
                        row.getString("theme"), row.getString("mood"), row.getString("color_palette"))));
    }

    /** The approved images' metadata, oldest first; no image bytes. */
    public Uni<List<ApprovedImage>> approvedImages(Snapshot snapshot, String projectId) {
        return query(snapshot.connection(), """
                SELECT id, asset_id, media_type, byte_size, sha256, width, height, metadata::text AS metadata, seed,
                       prompt_used, created_at
                FROM generated_asset WHERE project_id = $1 AND status = $2
                ORDER BY created_at, id""", Tuple.of(projectId, APPROVED))
                .map(rows -> {
                    List<ApprovedImage> images = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        images.add(new ApprovedImage(row.getString("id"), row.getString("asset_id"),
                                row.getString("media_type"), row.getInteger("byte_size"), row.getString("sha256"),
                                row.getInteger("width"), row.getInteger("height"), row.getString("metadata"),
                                row.getLong("seed"), row.getString("prompt_used"), row.getOffsetDateTime("created_at")));
                    }
                    return images;
                });
    }

    /** The markdown plan, stored as the memory file {@code entities.json}. */
    public Uni<Optional<String>> plan(Snapshot snapshot, String projectId) {
        return query(snapshot.connection(), "SELECT content FROM memory_file WHERE project_id = $1 AND type = $2",
                Tuple.of(projectId, PLAN_MEMORY_FILE))
                .map(rows -> first(rows, row -> row.getString("content")));
    }

    /** The style anchor, when the project has one with an image. */
    public Uni<Optional<AnchorImage>> anchor(Snapshot snapshot, String projectId) {
        return query(snapshot.connection(), """
                SELECT media_type, coalesce(byte_size, length(image)) AS byte_size, sha256
                FROM style_anchor WHERE project_id = $1 AND image IS NOT NULL""", Tuple.of(projectId))
                .map(rows -> first(rows, row -> new AnchorImage(row.getString("media_type"),
                        row.getInteger("byte_size"), row.getString("sha256"))));
    }

    /** The first {@code length} bytes of an approved image: enough to read its size from the header. */
    public Uni<Optional<byte[]>> imageHeader(Snapshot snapshot, String imageId, int length) {
        return query(snapshot.connection(), "SELECT substring(image FROM 1 FOR $2) AS header FROM generated_asset WHERE id = $1",
                Tuple.of(imageId, length))
                .map(rows -> first(rows, row -> row.getBuffer("header").getBytes()));
    }

    /** One image's bytes: the only moment an image is in memory. */
    public Uni<Optional<byte[]>> image(Snapshot snapshot, String imageId) {
        return query(snapshot.connection(), "SELECT image FROM generated_asset WHERE id = $1", Tuple.of(imageId))
                .map(rows -> first(rows, row -> row.getBuffer("image").getBytes()));
    }

    public Uni<Optional<byte[]>> anchorImage(Snapshot snapshot, String projectId) {
        return query(snapshot.connection(), "SELECT image FROM style_anchor WHERE project_id = $1 AND image IS NOT NULL",
                Tuple.of(projectId))
                .map(rows -> first(rows, row -> row.getBuffer("image").getBytes()));
    }

    private static Uni<RowSet<Row>> query(SqlConnection connection, String sql, Tuple arguments) {
        return connection.preparedQuery(sql).execute(arguments);
    }

    private static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapper) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(mapper.apply(rows.iterator().next()));
    }
}
