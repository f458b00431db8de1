package com.assethatch.export.pack;

import com.assethatch.common.hash.Sha256;
import com.assethatch.export.images.ImageChangedException;
import com.assethatch.export.images.ImageSource;
import com.assethatch.export.images.StoredImage;
import com.assethatch.export.zip.ZipLayout;
import com.assethatch.export.zip.ZipRangeWriter;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One ZIP download, decided and checked, holding no database connection: its layout, and so its length, every
 * offset and its ETag, is fixed before the status line. Writing it streams {@code manifest.json} (deflated) and
 * then the images (stored), read by a {@link ReadAhead} within a fixed byte budget while earlier ones are sent.
 * Any byte range of it can be written; the bytes are always those of the whole archive at the same offsets.
 * Runs on a worker thread.
 */
public final class ExportDownload {

    /** Hex digits of the sha256 used in the ETag: 128 bits. */
    private static final int ETAG_HEX_DIGITS = 32;

    private final PackLayout layout;
    private final ZipLayout zip;
    /** The image of each ZIP entry after the manifest, in archive order. */
    private final List<StoredImage> images;
    private final String etag;
    private final ImageSource source;
    private final int chunkBytes;
    private final ExportConfig config;
    private volatile boolean responseEnded;

    /** @param chunkBytes the size of the arrays images are held in */
    ExportDownload(PackLayout layout, byte[] manifestJson, ImageSource source, int chunkBytes, ExportConfig config) {
        this.layout = layout;
        this.source = source;
        this.chunkBytes = chunkBytes;
        this.config = config;
        ZipLayout.Builder archive = ZipLayout.builder(config.zip().entryTime())
                .deflated(PackLayout.MANIFEST_PATH, manifestJson, config.zip().manifestCompressionLevel());
        List<StoredImage> stored = new ArrayList<>();
        layout.anchor().ifPresent(anchor -> {
            archive.stored(anchor.path(), anchor.bytes());
            stored.add(StoredImage.styleAnchor(layout.project().id(), anchor.sha256(), anchor.bytes()));
        });
        for (PackLayout.File file : layout.images()) {
            archive.stored(file.path(), file.bytes());
            stored.add(StoredImage.generatedAsset(file.imageId(), file.sha256(), file.bytes()));
        }
        this.zip = archive.build();
        this.images = List.copyOf(stored);
        this.etag = etag(manifestJson, stored, config);
    }

    public String projectName() {
        return layout.project().name();
    }

    /** Length of the whole archive. */
    public long length() {
        return zip.length();
    }

    /** A strong ETag: the same ETag always means the same bytes (a digest of everything the bytes are made of). */
    public String etag() {
        return etag;
    }

    /**
     * Streams the bytes {@code first..last} of the archive. Images the range does not reach are not read, unless
     * the range reaches the central directory, which needs every image's CRC-32. When the client goes away the
     * work stops, logged without a stack trace; an image that changed since the manifest was made aborts the
     * download before any of its bytes (the client sees a broken transfer, never a wrong file).
     */
    public void writeTo(OutputStream out, long first, long last) throws IOException {
        String projectId = layout.project().id();
        long startedAt = System.nanoTime();
        ZipRangeWriter writer = new ZipRangeWriter(zip, out, first, last);
        int[] crcs = new int[zip.entryCount()];
        crcs[0] = zip.plannedCrc(0);
        List<Integer> toRead = new ArrayList<>();
        for (int entry = 1; entry < zip.entryCount(); entry++) {
            if (writer.covers(entry) || writer.coversCentralDirectory()) {
                toRead.add(entry);
            }
        }
        int filesWritten = 0;
        try (ReadAhead ahead = new ReadAhead(toRead.stream().map(entry -> images.get(entry - 1)).toList(), source,
                config.readAheadBytes(), chunkBytes, config.verifyImages(), config.parallelReads(),
                Infrastructure.getDefaultWorkerPool())) {
            writer.writeDeflated(0);
            out.flush();
            for (int entry : toRead) {
                requireClientStillThere();
                ReadAhead.Loaded image = ahead.next();
                crcs[entry] = image.crc();
                writer.writeStored(entry, image.crc(), image.chunks());
                ahead.sent(image);
                filesWritten++;
            }
            writer.writeCentralDirectory(crcs);
            out.flush();
            Log.infof("Exported project %s: %d files, bytes %d-%d of %d in %d ms", projectId, filesWritten, first,
                    last, zip.length(), elapsedMillis(startedAt));
        } catch (ImageChangedException e) {
            Log.errorf("Export of project %s aborted: %s", projectId, e.getMessage());
            throw e;
        } catch (ReadAhead.ReadFailed e) {
            Log.errorf(e.getCause(), "Export of project %s failed after %d of %d files", projectId, filesWritten,
                    toRead.size());
            throw e;
        } catch (IOException e) {
            Log.infof("Export of project %s stopped after %d of %d files: the client went away (%s)", projectId,
                    filesWritten, toRead.size(), e.getMessage());
        }
    }

    /**
     * The response has ended: the body was written, or the client went away, or it was never asked for (a HEAD
     * request). A download in progress stops before its next file. Safe to call from the event loop.
     */
    public void responseEnded() {
        responseEnded = true;
    }

    /** Writes to a connection that has gone may not fail at once: stop reading images for nobody. */
    private void requireClientStillThere() throws IOException {
        if (responseEnded) {
            throw new IOException("the connection is closed");
        }
    }

    private static String etag(byte[] manifestJson, List<StoredImage> images, ExportConfig config) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(manifestJson);
        for (StoredImage image : images) {
            digest.update((image + "\n" + image.sha256() + "\n" + image.bytes() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        digest.update((config.zip().entryTime() + "\n" + config.zip().manifestCompressionLevel())
                .getBytes(StandardCharsets.UTF_8));
        return "\"" + HexFormat.of().formatHex(digest.digest()).substring(0, ETAG_HEX_DIGITS) + "\"";
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
