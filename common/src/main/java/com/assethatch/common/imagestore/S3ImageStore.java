package com.assethatch.common.imagestore;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Images as objects in an S3 bucket, named {@code <key-prefix><sha256>}. A put of bytes the bucket already holds
 * is skipped, unless the object is old enough that the orphan sweep could be about to remove it: then it is
 * written again, which renews its age (see {@link ImageStoreConfig.Sweep#orphanGrace()}).
 */
public final class S3ImageStore implements ImageStore {

    private final S3Objects objects;
    private final ImageStoreConfig config;
    private final Duration rewriteAfter;

    public S3ImageStore(S3Objects objects, ImageStoreConfig config) {
        this.objects = objects;
        this.config = config;
        this.rewriteAfter = config.sweep().orphanGrace().dividedBy(2);
    }

    @Override
    public StoreKind kind() {
        return StoreKind.S3;
    }

    @Override
    public Optional<String> put(byte[] bytes, String sha256, String mediaType) {
        String key = keyOf(sha256);
        boolean fresh = guarded(() -> objects.head(key))
                .filter(head -> head.contentLength() == bytes.length)
                .filter(head -> head.lastModified().isAfter(Instant.now().minus(rewriteAfter)))
                .isPresent();
        if (!fresh) {
            guarded(() -> {
                objects.put(key, bytes, mediaType);
                return null;
            });
        }
        return Optional.of(key);
    }

    @Override
    public InputStream open(String key) {
        return guarded(() -> objects.get(key));
    }

    @Override
    public Optional<URI> presignedGet(String key, String mediaType) {
        return config.s3().presign().enabled() ? Optional.of(objects.presignGet(key, mediaType)) : Optional.empty();
    }

    @Override
    public void forEachPage(Consumer<List<StoredObject>> page) {
        guarded(() -> {
            objects.list(config.s3().keyPrefix(), page);
            return null;
        });
    }

    @Override
    public void delete(String key) {
        guarded(() -> {
            objects.delete(key);
            return null;
        });
    }

    @Override
    public String keyOf(String sha256) {
        return config.s3().keyPrefix() + sha256;
    }

    /** An open breaker is the same 503 as a failed call: the store is not answering. */
    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (CircuitBreakerOpenException e) {
            throw new ImageStoreUnavailableException("circuit breaker open after repeated failures");
        }
    }
}
