package com.assethatch.common.imagestore;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where image bytes live ({@code asset-hatch.images.store}) and how the S3 store is reached. Every key has an
 * environment variable (e.g. {@code ASSET_HATCH_IMAGES_STORE=s3}, {@code ASSET_HATCH_IMAGES_S3_ENDPOINT}), the
 * names {@code scripts/object-store start} prints.
 */
@ConfigMapping(prefix = "asset-hatch.images")
public interface ImageStoreConfig {

    /** {@code postgres} (the default: bytes in their row, nothing else to run) or {@code s3}. */
    @WithDefault("postgres")
    StoreKind store();

    S3 s3();

    Sweep sweep();

    interface S3 {

        /** The S3 endpoint, e.g. http://127.0.0.1:7480 (Ceph radosgw) or http://minio:9000; unset means AWS. */
        Optional<URI> endpoint();

        @WithDefault("asset-hatch-images")
        String bucket();

        /** Any string for Ceph and MinIO; the bucket's region on AWS. */
        @WithDefault("us-east-1")
        String region();

        /** Static credentials; unset means the SDK's default chain (environment, profile, instance role). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** Path-style URLs (http://host/bucket/key): what Ceph and MinIO need unless they have wildcard DNS. */
        @WithDefault("false")
        boolean pathStyle();

        /** Objects are named {@code <key-prefix><sha256>}; the sweep looks only under this prefix. */
        @WithDefault("images/sha256/")
        String keyPrefix();

        /** Time to open a TCP connection to the store. */
        @WithDefault("PT2S")
        Duration connectTimeout();

        /** Longest silence while reading or writing a response: a stalled store ends the read instead of hanging. */
        @WithDefault("PT10S")
        Duration socketTimeout();

        /** Whole-call limit for every call but the body of a streamed read (that one is bounded by socket-timeout). */
        @WithDefault("PT30S")
        Duration callTimeout();

        /** Attempts per call, first included: a short retry for a dropped connection, not a long wait. */
        @WithDefault("2")
        int maxAttempts();

        /** Connections to the store per service instance (uploads, image reads and export reads together). */
        @WithDefault("64")
        int maxConnections();

        Presign presign();
    }

    interface Presign {

        /** GET …/image answers 302 to a presigned URL of the object instead of streaming it through the service. */
        @WithDefault("false")
        boolean enabled();

        /** How long a presigned URL works. */
        @WithDefault("PT5M")
        Duration ttl();

        /** The store's address as clients see it, when it differs from {@code s3.endpoint} (e.g. a public host). */
        Optional<URI> publicEndpoint();
    }

    interface Sweep {

        /** Whether this instance runs the background sweeps (each is safe to run on every instance at once). */
        @WithDefault("true")
        boolean enabled();

        /** How often the sweeps run. */
        @WithDefault("PT10M")
        Duration interval();

        /**
         * An object no row references is deleted only once it is older than this: longer than any upload takes
         * between its object put and its row commit. A re-upload rewrites an object older than half of it, so a
         * row never commits against an object the sweep is about to remove.
         */
        @WithDefault("PT1H")
        Duration orphanGrace();

        /** Rejected generated assets (row and bytes) are deleted this long after their last change. */
        @WithDefault("P30D")
        Duration rejectedRetention();

        /** Objects (or rejected assets) handled per database round trip. */
        @WithDefault("500")
        int batchSize();
    }
}
