package com.assethatch.export.images;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Images stored as {@code bytea} in Postgres, read in chunks of {@code asset-hatch.images.read-chunk-bytes}: each
 * chunk is one short query on a pool connection that goes straight back, so no connection waits on a slow client
 * and no array is larger than a chunk. Every query that reads for an image (its chunks, and its object key for
 * {@link StoreImageSource}) counts against {@code asset-hatch.images.max-concurrent-reads}, fewer than the pool's
 * connections, so however many downloads are reading, a new request always finds a connection for its metadata and
 * starts at once. Every query asks for the row with the expected sha256, so an image that is deleted or replaced
 * while it is read ends the read instead of mixing two images.
 */
@ApplicationScoped
@Typed(PostgresImageSource.class) // the export's ImageSource is StoreImageSource, which delegates rows with bytes here
public class PostgresImageSource implements ImageSource {

    private static final String GENERATED_ASSET_CHUNK =
            "SELECT substring(image FROM ? FOR ?) FROM generated_asset WHERE id = ? AND sha256 = ?";
    private static final String STYLE_ANCHOR_CHUNK = """
            SELECT substring(image FROM ? FOR ?) FROM style_anchor
            WHERE project_id = ? AND coalesce(sha256, encode(sha256(image), 'hex')) = ?""";
    private static final String GENERATED_ASSET_KEY = "SELECT image_key FROM generated_asset WHERE id = ? AND sha256 = ?";
    private static final String STYLE_ANCHOR_KEY = """
            SELECT image_key FROM style_anchor
            WHERE project_id = ? AND coalesce(sha256, encode(sha256(image), 'hex')) = ?""";

    private final AgroalDataSource dataSource;
    private final int chunkBytes;
    private final Semaphore reads;

    public PostgresImageSource(AgroalDataSource dataSource, ImageSourceConfig config) {
        this.dataSource = dataSource;
        this.chunkBytes = config.readChunkBytes();
        this.reads = new Semaphore(config.maxConcurrentReads(), true);
    }

    @Override
    public InputStream open(StoredImage image) {
        return new ChunkedImage(image);
    }

    /** The row's object key; empty when the row holds the image's bytes itself. */
    Optional<String> objectKey(StoredImage image) throws IOException {
        String sql = image.owner() == StoredImage.Owner.GENERATED_ASSET ? GENERATED_ASSET_KEY : STYLE_ANCHOR_KEY;
        return Optional.ofNullable(readRow(image, sql, query -> {
            query.setString(1, image.ownerId());
            query.setString(2, image.sha256());
        }, row -> row.getString(1)));
    }

    /** Reads the next chunk; an empty array at the end of the image. */
    private byte[] chunk(StoredImage image, long offset) throws IOException {
        String sql = image.owner() == StoredImage.Owner.GENERATED_ASSET ? GENERATED_ASSET_CHUNK : STYLE_ANCHOR_CHUNK;
        return readRow(image, sql, query -> {
            query.setInt(1, Math.toIntExact(offset + 1)); // SQL counts from 1; images are far below 2 GiB
            query.setInt(2, chunkBytes);
            query.setString(3, image.ownerId());
            query.setString(4, image.sha256());
        }, row -> row.getBytes(1));
    }

    /** One query for the image's row, within the limit of concurrent reads, on a connection that goes straight back. */
    private <T> T readRow(StoredImage image, String sql, Parameters parameters, Column<T> column) throws IOException {
        try {
            reads.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Stopped reading " + image);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            parameters.set(query);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new ImageChangedException(image + " is gone or no longer has sha256 " + image.sha256());
                }
                return column.read(row);
            }
        } catch (SQLException e) {
            throw new IOException("Could not read " + image + ": " + e.getMessage(), e);
        } finally {
            reads.release();
        }
    }

    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement query) throws SQLException;
    }

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final class ChunkedImage extends InputStream {

        private final StoredImage image;
        private long offset;
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        ChunkedImage(StoredImage image) {
            this.image = image;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int from, int length) throws IOException {
            if (position == current.length) {
                if (ended) {
                    return -1;
                }
                current = chunk(image, offset);
                position = 0;
                offset += current.length;
                ended = current.length < chunkBytes;
                if (current.length == 0) {
                    return -1;
                }
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, from, count);
            position += count;
            return count;
        }
    }
}
