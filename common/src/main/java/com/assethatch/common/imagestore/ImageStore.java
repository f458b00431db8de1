package com.assethatch.common.imagestore;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where image bytes live. Objects are content-addressed (the key comes from the sha256), so an object never
 * changes and storing the same bytes twice costs nothing. Writers put the bytes first and commit the row that
 * names the key second: a crash in between leaves an object without a row (swept later), never a row without
 * its bytes. Every method blocks: call it on a worker thread, never on an event loop.
 * <p>
 * {@link StoreKind#POSTGRES} keeps the bytes in the row itself ({@link #put} gives no key); {@link StoreKind#S3}
 * keeps them in an S3 bucket. A row with a key is read from the object store whatever the configured kind.
 */
public interface ImageStore {

    /** An object in the store, as a listing sees it. */
    record StoredObject(String key, long bytes, Instant lastModified) {
    }

    StoreKind kind();

    /**
     * Makes the bytes durable before their row is written.
     *
     * @return the key the row records, or empty when the row keeps the bytes itself (postgres)
     * @throws ImageStoreUnavailableException when the store does not answer (503)
     */
    Optional<String> put(byte[] bytes, String sha256, String mediaType);

    /**
     * The object's bytes as a stream (close it). Nothing is held but the store's connection.
     *
     * @throws ImageObjectMissingException when there is no such object
     * @throws ImageStoreUnavailableException when the store does not answer
     */
    InputStream open(String key);

    /** A short-lived URL a client can GET the object from directly, when the store and configuration allow it. */
    Optional<URI> presignedGet(String key, String mediaType);

    /** Lists every object under the store's key prefix, one page at a time (background sweeps only). */
    void forEachPage(Consumer<List<StoredObject>> page);

    /** Deletes the object; deleting a missing one is no error. */
    void delete(String key);

    /** The key content with this sha256 has (or would have) in this store. */
    String keyOf(String sha256);
}
