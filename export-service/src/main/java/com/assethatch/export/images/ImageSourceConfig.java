package com.assethatch.export.images;

import io.smallrye.config.ConfigMapping;

/** How image bytes are read; every default is in application.properties. */
@ConfigMapping(prefix = "asset-hatch.images")
public interface ImageSourceConfig {

    /** Images are read and held in chunks of this many bytes (from Postgres: one row of the image's query each). */
    int readChunkBytes();

    /** Chunks fetched from Postgres per round trip, so at most this many of an image's are in the driver at once. */
    int chunksPerFetch();

    /**
     * Image reads running at once, across all downloads, each on a connection of its own: kept below
     * {@code quarkus.datasource.jdbc.max-size}, so the pool always has connections for the metadata of new requests.
     */
    int maxConcurrentReads();
}
