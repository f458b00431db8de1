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

    /** While streaming, check every image against the size and sha256 the manifest lists; a mismatch aborts the download. */
    boolean verifyImages();

    /**
     * How long a download may leave its database snapshot idle (a client that stopped reading) before
     * Postgres ends the transaction and the download fails. Keeps a stuck client from holding a snapshot forever.
     */
    Duration maxIdleInTransaction();

    Zip zip();

    interface Zip {

        /** Modification time of every entry, so the same data always gives the same bytes (DOS range, 2 s precision). */
        LocalDateTime entryTime();

        /** Deflate level of manifest.json (0–9); images are stored as they are. */
        int manifestCompressionLevel();
    }
}
