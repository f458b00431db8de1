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
 * Images stored as {@code bytea} in Postgres. Each image is one query on a connection of its own, held while the image
 * is read (ReadAhead starts an image only once its budget has room for all of it, so never while a client reads):
 * its rows are the image's chunks of {@code asset-hatch.images.read-chunk-bytes}, fetched
 * {@code asset-hatch.images.chunks-per-fetch} at a time, so no array is larger than a chunk. Every read (an image, or
 * its object key for {@link StoreImageSource}) counts against {@code asset-hatch.images.max-concurrent-reads}, fewer
 * than the pool's connections, so however many downloads are reading, a new request always finds a connection for
 * its metadata and starts at once. Every query asks for the row with the expected sha256, so an image that is
 * deleted or replaced meanwhile ends the read instead of mixing two images.
 *
 * <p>Why rows of one query rather than a query per chunk (README, Benchmarks): each query makes the backend allocate,
 * and at its end free, buffers of about twice the chunk; above glibc's trim threshold (128 KiB) the freed memory goes
 * back to the kernel and the next query faults it in again. With 256 KiB chunks that churn took most of Postgres's
 * CPU per exported MiB. Rows of one query reuse the backend's output buffer, and 32 KiB chunks stay below the
 * threshold.
 */
@ApplicationScoped
@Typed(PostgresImageSource.class) // the export's ImageSource is StoreImageSource, which delegates rows with bytes here
public class PostgresImageSource implements ImageSource {

    /**
     * The chunks of an image, with the offset each starts at (SQL counts from 1). An empty image is one empty chunk,
     * so that no row at all always means the image is gone or changed. No ORDER BY: Postgres would sort, and so copy,
     * the chunks; generate_series yields the offsets in order, and {@link ChunkedImage} checks that they arrive so.
     */
    private static final String GENERATED_ASSET_CHUNKS = """
            SELECT chunk.start, substring(image FROM chunk.start FOR ?)
            FROM generated_asset, generate_series(1, greatest(length(image), 1), ?) AS chunk(start)
            WHERE id = ? AND sha256 = ?""";
    private static final String STYLE_ANCHOR_CHUNKS = """
            SELECT chunk.start, substring(image FROM chunk.start FOR ?)
            FROM style_anchor, generate_series(1, greatest(length(image), 1), ?) AS chunk(start)
            WHERE project_id = ? AND coalesce(sha256, encode(sha256(image), 'hex')) = ?""";
    private static final String GENERATED_ASSET_KEY = "SELECT image_key FROM generated_asset WHERE id = ? AND sha256 = ?";
    private static final String STYLE_ANCHOR_KEY = """
            SELECT image_key FROM style_anchor
            WHERE project_id = ? AND coalesce(sha256, encode(sha256(image), 'hex')) = ?""";

    private final AgroalDataSource dataSource;
    private final int chunkBytes;
    private final int chunksPerFetch;
    private final Semaphore reads;

    public PostgresImageSource(AgroalDataSource dataSource, ImageSourceConfig config) {
        this.dataSource = dataSource;
        this.chunkBytes = config.readChunkBytes();
        this.chunksPerFetch = config.chunksPerFetch();
        this.reads = new Semaphore(config.maxConcurrentReads(), true);
    }

    @Override
    public InputStream open(StoredImage image) {
        return new ChunkedImage(image);
    }

    /**
     * The row's object key; empty when the row holds the image's bytes itself. One query, within the limit of
     * concurrent reads, on a connection that goes straight back.
     */
    Optional<String> objectKey(StoredImage image) throws IOException {
        acquireRead(image);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        image.owner() == StoredImage.Owner.GENERATED_ASSET ? GENERATED_ASSET_KEY : STYLE_ANCHOR_KEY)) {
            query.setString(1, image.ownerId());
            query.setString(2, image.sha256());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw gone(image);
                }
                return Optional.ofNullable(row.getString(1));
            }
        } catch (SQLException e) {
            throw readFailed(image, e);
        } finally {
            reads.release();
        }
    }

    private void acquireRead(StoredImage image) throws InterruptedIOException {
        try {
            reads.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Stopped reading " + image);
        }
    }

    private static ImageChangedException gone(StoredImage image) {
        return new ImageChangedException(image + " is gone or no longer has sha256 " + image.sha256());
    }

    private static IOException readFailed(StoredImage image, SQLException e) {
        return new IOException("Could not read " + image + ": " + e.getMessage(), e);
    }

    /** One image's chunks: the query runs at the first read; {@link #close} gives its connection back. */
    private final class ChunkedImage extends InputStream {

        private final StoredImage image;
        private Connection connection;
        private PreparedStatement query;
        private ResultSet chunks;
        /** Bytes of the image read from the chunks so far. */
        private long offset;
        private byte[] current = new byte[0];
        private int position;

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
            while (position == current.length) {
                if (!nextChunk()) {
                    return -1;
                }
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, from, count);
            position += count;
            return count;
        }

        /** Moves to the image's next chunk; false at its end. */
        private boolean nextChunk() throws IOException {
            try {
                boolean first = chunks == null;
                if (first) {
                    start();
                }
                if (!chunks.next()) {
                    if (first) {
                        throw gone(image);
                    }
                    return false;
                }
                if (chunks.getLong(1) != offset + 1) {
                    throw new IOException("The chunks of " + image + " arrived out of order (at byte " + offset + ")");
                }
                current = chunks.getBytes(2);
                position = 0;
                offset += current.length;
                return true;
            } catch (SQLException e) {
                throw readFailed(image, e);
            }
        }

        /**
         * Takes a read and a connection, and runs the image's query in a (read-only) transaction of its own: the
         * driver fetches rows in batches only inside one.
         */
        private void start() throws IOException, SQLException {
            acquireRead(image);
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                query = connection.prepareStatement(
                        image.owner() == StoredImage.Owner.GENERATED_ASSET ? GENERATED_ASSET_CHUNKS : STYLE_ANCHOR_CHUNKS);
                query.setFetchSize(chunksPerFetch);
                query.setInt(1, chunkBytes);
                query.setInt(2, chunkBytes);
                query.setString(3, image.ownerId());
                query.setString(4, image.sha256());
                chunks = query.executeQuery();
            } catch (SQLException | RuntimeException e) {
                release();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            if (connection != null) {
                try {
                    release();
                } catch (SQLException e) {
                    throw new IOException("Could not end the read of " + image + ": " + e.getMessage(), e);
                }
            }
        }

        /** Ends the transaction and gives the connection and the read back. */
        private void release() throws SQLException {
            try (Connection held = connection; PreparedStatement statement = query) {
                connection = null;
                if (held != null && !held.isClosed()) {
                    held.rollback(); // nothing was written: this only ends the read's transaction
                }
            } finally {
                reads.release();
            }
        }
    }
}
