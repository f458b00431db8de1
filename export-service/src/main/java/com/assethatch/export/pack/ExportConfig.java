package com.assethatch.export.pack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalDateTime;

@ConfigMapping(prefix = "asset-hatch.export")
public interface ExportConfig {

    /** Model named in {@code generationMetadata} when an image's stored metadata names none (the original app's fallback). */
    @WithDefault("flux.2-pro")
    String defaultModel();

    /**
     * Bytes read from the start of an image whose width/height columns are empty, to read its size
     * from the header. Read one image at a time, only for such images.
     */
    @WithDefault("65536")
    int headerSniffBytes();

    /** While streaming, check every image against the size and sha256 the manifest lists; a mismatch aborts the download. */
    @WithDefault("true")
    boolean verifyImages();

    /**
     * How long a download may leave its database snapshot idle (a client that stopped reading) before
     * Postgres ends the transaction and the download fails. Keeps a stuck client from holding a snapshot forever.
     */
    @WithDefault("PT10M")
    Duration maxIdleInTransaction();

    Zip zip();

    interface Zip {

        /** Modification time of every entry, so the same data always gives the same bytes (DOS range, 2 s precision). */
        @WithDefault("2000-01-01T00:00:00")
        LocalDateTime entryTime();

        /** Deflate level of manifest.json (0–9); images are stored as they are. */
        @WithDefault("6")
        int manifestCompressionLevel();
    }
}
