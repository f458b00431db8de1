package com.assethatch.project.storage;

import com.assethatch.common.hash.Sha256;
import com.assethatch.common.imagestore.ImageStore;
import com.assethatch.common.imagestore.StoreKind;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Moves image bytes out of Postgres rows into the image store, one row at a time: read the row's bytes, check them
 * against its sha256, put the object, read the object back and check it again, and only then clear the column and
 * record the key (in one statement that applies only if the row still holds those same bytes). Every row is
 * finished or untouched, so the command can be stopped at any moment and run again: it picks up the rows that still
 * hold bytes. A row whose bytes do not match its sha256 is left as it is and reported.
 * <p>
 * The UPDATE gives each moved row a new version (the schema's triggers), so caches refresh; clients holding the old
 * version in If-Match get a 412 once and read again.
 */
@ApplicationScoped
public class ImageMigration {

    /** What one run did. {@code remaining} rows still hold bytes (rows added meanwhile, or failed ones). */
    public record Result(int moved, int failed, long remaining) {
    }

    /** One of the two tables with images: its name and the column that identifies a row. */
    private record Table(String name, String idColumn) {
    }

    private static final List<Table> TABLES = List.of(new Table("generated_asset", "id"),
            new Table("style_anchor", "project_id"));
    private static final int BATCH = 100;
    private static final String ROW_SHA256 = "coalesce(sha256, encode(sha256(image), 'hex'))";

    private final ImageStore store;
    private final AgroalDataSource dataSource;

    public ImageMigration(ImageStore store, AgroalDataSource dataSource) {
        this.store = store;
        this.dataSource = dataSource;
    }

    /** Moves up to {@code limit} rows' bytes (across both tables). Blocking. */
    public Result run(int limit) {
        if (store.kind() != StoreKind.S3) {
            throw new IllegalStateException("asset-hatch.images.store is " + store.kind()
                    + ": set it (and the s3 settings) to the store the images should move to");
        }
        int moved = 0;
        int failed = 0;
        for (Table table : TABLES) {
            String after = "";
            List<String[]> batch;
            do {
                batch = rowsWithBytes(table, after, Math.min(BATCH, limit - moved));
                for (String[] row : batch) {
                    after = row[0];
                    switch (move(table, row[0], row[1], row[2])) {
                        case MOVED -> moved++;
                        case FAILED -> failed++;
                        case GONE -> { } // replaced or deleted since it was listed: nothing left to move
                    }
                }
            } while (!batch.isEmpty() && moved < limit);
        }
        Result result = new Result(moved, failed, remaining());
        Log.infof("Image migration: moved %d, failed %d, %d rows still hold bytes", result.moved(), result.failed(),
                result.remaining());
        return result;
    }

    /** Rows (id, sha256, media type) that still hold bytes, in id order after {@code after}. */
    private List<String[]> rowsWithBytes(Table table, String after, int count) {
        String sql = "SELECT " + table.idColumn() + ", " + ROW_SHA256 + ", media_type FROM " + table.name()
                + " WHERE image IS NOT NULL AND " + table.idColumn() + " > ? ORDER BY " + table.idColumn() + " LIMIT ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, after);
            query.setInt(2, count);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new String[] {row.getString(1), row.getString(2), row.getString(3)});
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list " + table.name() + " rows: " + e.getMessage(), e);
        }
    }

    private enum Outcome { MOVED, FAILED, GONE }

    private Outcome move(Table table, String id, String sha256, String mediaType) {
        String what = table.name() + " " + id;
        byte[] bytes = rowBytes(table, id, sha256);
        if (bytes == null) {
            return Outcome.GONE;
        }
        if (!Sha256.hex(bytes).equals(sha256)) {
            Log.errorf("Image migration: %s does not match its sha256 %s; left in the row", what, sha256);
            return Outcome.FAILED;
        }
        String key = store.put(bytes, sha256, mediaType).orElseThrow();
        if (!sha256.equals(objectSha256(key))) {
            Log.errorf("Image migration: object %s for %s does not read back as %s; left in the row", key, what, sha256);
            return Outcome.FAILED;
        }
        String sql = "UPDATE " + table.name() + " SET image_key = ?, image = NULL, sha256 = ?, "
                + "byte_size = coalesce(byte_size, length(image)) WHERE " + table.idColumn() + " = ? AND image IS NOT NULL AND "
                + ROW_SHA256 + " = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, key);
            update.setString(2, sha256);
            update.setString(3, id);
            update.setString(4, sha256);
            return update.executeUpdate() == 1 ? Outcome.MOVED : Outcome.GONE;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update " + what + ": " + e.getMessage(), e);
        }
    }

    private byte[] rowBytes(Table table, String id, String sha256) {
        String sql = "SELECT image FROM " + table.name() + " WHERE " + table.idColumn() + " = ? AND image IS NOT NULL AND "
                + ROW_SHA256 + " = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            query.setString(2, sha256);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + table.name() + " " + id + ": " + e.getMessage(), e);
        }
    }

    private String objectSha256(String key) {
        var digest = Sha256.newDigest();
        try (InputStream object = store.open(key)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = object.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read back " + key, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private long remaining() {
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (Table table : TABLES) {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM " + table.name() + " WHERE image IS NOT NULL");
                        ResultSet row = query.executeQuery()) {
                    row.next();
                    count += row.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count rows with bytes: " + e.getMessage(), e);
        }
        return count;
    }
}
