package com.assethatch.export.pack;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.time.LocalDateTime;

/** The export's settings; every default is in application.properties. */
@ConfigMapping(prefix = "asset-hatch.export")
public interface ExportConfig {

    /** Model named in {@code generationMetadata} when an image's stored metadata names none (the original app's fallback). */
    String defaultModel();

    /**
     * Bytes read from the start of an image whose width/height columns are empty, to read its size
     * from the header. Read one image at a time, only for such images.
     */
    int headerSniffBytes();

    /** Hash every streamed image and compare with the sha256 the manifest lists; a mismatch aborts the download. Sizes are always checked. */
    boolean verifyImages();

    /**
     * How long the snapshot that reads a download's metadata may sit idle before Postgres ends it: a bound on a
     * stuck request, since the snapshot is released before the first byte.
     */
    Duration maxIdleInTransaction();

    /** Bytes of images one download may hold read but not yet sent (an image larger than this is read alone). */
    int readAheadBytes();

    /**
     * Images of one download read at once, within {@link #readAheadBytes}: reading an image is a series of round trips
     * to the store, which leave a single reader slower than the client.
     */
    int parallelReads();

    /**
     * Bytes of a download written to its connection after which the download waits for the socket to take what it
     * wrote before: about two such slices are in flight per download, outside the heap.
     */
    int sendSliceBytes();

    Zip zip();

    interface Zip {

        /** Modification time of every entry, so the same data always gives the same bytes (DOS range, 2 s precision). */
        LocalDateTime entryTime();

        /** Deflate level of manifest.json (0–9); images are stored as they are. */
        int manifestCompressionLevel();
    }
}
