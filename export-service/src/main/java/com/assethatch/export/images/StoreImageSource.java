package com.assethatch.export.images;

import com.assethatch.common.imagestore.ImageObjectMissingException;
import com.assethatch.common.imagestore.ImageStore;
import com.assethatch.common.imagestore.ImageStoreUnavailableException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The export's {@link ImageSource}: each image is read from where its row says its bytes are. A row with an object
 * key is streamed from the image store (no database connection is held while its bytes flow: the key is looked up
 * in one short query); a row that still holds its bytes is read in chunks by {@link PostgresImageSource}. The
 * lookup asks for the row with the expected sha256, so an image deleted or replaced since the manifest stops the
 * download, as with Postgres.
 */
@ApplicationScoped
public class StoreImageSource implements ImageSource {

    private static final String GENERATED_ASSET_KEY = "SELECT image_key FROM generated_asset WHERE id = ? AND sha256 = ?";
    private static final String STYLE_ANCHOR_KEY = """
            SELECT image_key FROM style_anchor
            WHERE project_id = ? AND coalesce(sha256, encode(sha256(image), 'hex')) = ?""";

    private final AgroalDataSource dataSource;
    private final PostgresImageSource rows;
    private final ImageStore store;

    public StoreImageSource(AgroalDataSource dataSource, PostgresImageSource rows, ImageStore store) {
        this.dataSource = dataSource;
        this.rows = rows;
        this.store = store;
    }

    @Override
    public InputStream open(StoredImage image) throws IOException {
        Optional<String> key = objectKey(image);
        if (key.isEmpty()) {
            return rows.open(image);
        }
        try {
            return new StoreStream(store.open(key.get()));
        } catch (ImageObjectMissingException e) {
            throw new ImageChangedException(image + " has no object " + key.get() + " in the image store");
        } catch (ImageStoreUnavailableException e) {
            throw new IOException("Could not read " + image + ": " + e.details(), e);
        }
    }

    /** The row's object key; empty when the row holds the bytes itself. */
    private Optional<String> objectKey(StoredImage image) throws IOException {
        String sql = image.owner() == StoredImage.Owner.GENERATED_ASSET ? GENERATED_ASSET_KEY : STYLE_ANCHOR_KEY;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, image.ownerId());
            query.setString(2, image.sha256());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new ImageChangedException(image + " is gone or no longer has sha256 " + image.sha256());
                }
                return Optional.ofNullable(row.getString(1));
            }
        } catch (SQLException e) {
            throw new IOException("Could not look up " + image + ": " + e.getMessage(), e);
        }
    }

    /** The SDK reports some read failures (an aborted connection) unchecked: the export expects IOExceptions. */
    private static final class StoreStream extends FilterInputStream {

        StoreStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (RuntimeException e) {
                throw new IOException("Image store read failed: " + e.getMessage(), e);
            }
        }

        @Override
        public int read(byte[] target, int from, int length) throws IOException {
            try {
                return super.read(target, from, length);
            } catch (RuntimeException e) {
                throw new IOException("Image store read failed: " + e.getMessage(), e);
            }
        }
    }
}
