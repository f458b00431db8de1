package com.assethatch.export.images;

import io.smallrye.config.ConfigMapping;

/** How image bytes are read; every default is in application.properties. */
@ConfigMapping(prefix = "asset-hatch.images")
public interface ImageSourceConfig {

    /** Images are read and held in chunks of this many bytes (one query each from Postgres). */
    int readChunkBytes();

    /**
     * Chunk reads running at once, across all downloads: kept below {@code quarkus.datasource.jdbc.max-size}, so the
     * pool always has connections for the metadata of new requests.
     */
    int maxConcurrentReads();
}
