package com.assethatch.common.imagestore;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The default: image bytes stay in their row (bytea), so there is nothing to put, list or delete here. Rows with a
 * key (written while the store was {@code s3}, or migrated) cannot be read without the S3 settings.
 */
public final class PostgresImageStore implements ImageStore {

    @Override
    public StoreKind kind() {
        return StoreKind.POSTGRES;
    }

    @Override
    public Optional<String> put(byte[] bytes, String sha256, String mediaType) {
        return Optional.empty();
    }

    @Override
    public InputStream open(String key) {
        throw new ImageStoreUnavailableException("object " + key + " is in an S3 store, but asset-hatch.images.store="
                + "postgres: set the s3 settings (asset-hatch.images.store=s3) to read it");
    }

    @Override
    public Optional<URI> presignedGet(String key, String mediaType) {
        return Optional.empty();
    }

    @Override
    public void forEachPage(Consumer<List<StoredObject>> page) {
        // no objects: every image is in its row
    }

    @Override
    public void delete(String key) {
        // no objects: deleting the row deleted the bytes
    }

    @Override
    public String keyOf(String sha256) {
        throw new UnsupportedOperationException("the postgres store names no objects");
    }
}
