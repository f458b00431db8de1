package com.assethatch.export.images;

import com.assethatch.common.imagestore.ImageObjectMissingException;
import com.assethatch.common.imagestore.ImageStore;
import com.assethatch.common.imagestore.ImageStoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The export's {@link ImageSource}: each image is read from where its row says its bytes are. A row with an object
 * key is streamed from the image store (no database connection is held while its bytes flow: the key is looked up
 * in one short query, counted with the chunk reads); a row that still holds its bytes is read in chunks by {@link PostgresImageSource}. The
 * lookup asks for the row with the expected sha256, so an image deleted or replaced since the manifest stops the
 * download, as with Postgres.
 */
@ApplicationScoped
public class StoreImageSource implements ImageSource {

    private final PostgresImageSource rows;
    private final ImageStore store;

    public StoreImageSource(PostgresImageSource rows, ImageStore store) {
        this.rows = rows;
        this.store = store;
    }

    @Override
    public InputStream open(StoredImage image) throws IOException {
        Optional<String> key = rows.objectKey(image);
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
