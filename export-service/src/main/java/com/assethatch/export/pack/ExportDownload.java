package com.assethatch.export.pack;

import com.assethatch.common.hash.Sha256;
import com.assethatch.export.zip.DeterministicZipWriter;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One ZIP download, decided and checked, waiting to be written. Writes {@code manifest.json} (deflated), the
 * style anchor and then one image at a time (stored), each read from the same snapshot the manifest came from,
 * so memory holds at most one image whatever the size of the pack. Runs on a worker thread.
 */
public final class ExportDownload {

    private final Snapshot snapshot;
    private final PackLayout layout;
    private final byte[] manifestJson;
    private final ExportRepository repository;
    private final ExportConfig config;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean responseEnded;

    ExportDownload(Snapshot snapshot, PackLayout layout, byte[] manifestJson, ExportRepository repository,
            ExportConfig config) {
        this.snapshot = snapshot;
        this.layout = layout;
        this.manifestJson = manifestJson;
        this.repository = repository;
        this.config = config;
    }

    public String projectName() {
        return layout.project().name();
    }

    /**
     * Streams the archive, once. When the client goes away the snapshot is released and the work stops, logged
     * without a stack trace; a file whose bytes differ from the manifest aborts the download (the client sees a
     * broken transfer, never a wrong file).
     */
    public void writeTo(OutputStream out) throws IOException {
        if (!started.compareAndSet(false, true)) {
            return; // released before the body was asked for
        }
        String projectId = layout.project().id();
        long startedAt = System.nanoTime();
        DeterministicZipWriter zip = new DeterministicZipWriter(out, config.zip().entryTime(),
                config.zip().manifestCompressionLevel());
        int filesWritten = 0;
        try (snapshot) {
            zip.writeDeflated(PackLayout.MANIFEST_PATH, manifestJson);
            out.flush();
            if (layout.anchor().isPresent()) {
                PackLayout.File anchor = layout.anchor().get();
                zip.writeStored(anchor.path(), checked(anchor, repository.anchorImage(snapshot, projectId)));
                filesWritten++;
            }
            for (PackLayout.File file : layout.images()) {
                requireClientStillThere();
                zip.writeStored(file.path(), checked(file, repository.image(snapshot, file.imageId())));
                filesWritten++;
            }
            zip.finish();
            out.flush();
            Log.infof("Exported project %s: %d files, %d bytes of content in %d ms", projectId, filesWritten,
                    zip.payloadBytes(), elapsedMillis(startedAt));
        } catch (FileChangedException e) {
            Log.errorf("Export of project %s aborted: %s", projectId, e.getMessage());
            throw e;
        } catch (IOException e) {
            Log.infof("Export of project %s stopped after %d of %d files: the client went away (%s)", projectId,
                    filesWritten, layout.fileCount(), e.getMessage());
        } catch (SQLException | RuntimeException e) {
            Log.errorf(e, "Export of project %s failed after %d of %d files", projectId, filesWritten,
                    layout.fileCount());
            throw new IOException("Export failed after the response started", e);
        }
    }

    /**
     * The response has ended: the body was written, or the client went away, or it was never asked for (a HEAD
     * request). A download in progress stops before its next file; one that never started frees its snapshot on
     * a worker thread. Safe to call from the event loop and more than once.
     */
    public void responseEnded() {
        responseEnded = true;
        if (started.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(snapshot::close);
        }
    }

    /** Writes to a connection that has gone may not fail at once: stop reading images for nobody. */
    private void requireClientStillThere() throws IOException {
        if (responseEnded) {
            throw new IOException("the connection is closed");
        }
    }

    private byte[] checked(PackLayout.File file, Optional<byte[]> content) throws FileChangedException {
        byte[] bytes = content.orElseThrow(() -> new FileChangedException(file.path() + " is gone from the database"));
        if (!config.verifyImages()) {
            return bytes;
        }
        if (bytes.length != file.bytes()) {
            throw new FileChangedException(file.path() + " has " + bytes.length + " bytes, the manifest lists "
                    + file.bytes());
        }
        String sha256 = Sha256.hex(bytes);
        if (file.sha256() != null && !file.sha256().equalsIgnoreCase(sha256)) {
            throw new FileChangedException(file.path() + " has sha256 " + sha256 + ", the manifest lists " + file.sha256());
        }
        return bytes;
    }


    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** A file's bytes do not match what the manifest already promised. */
    static final class FileChangedException extends IOException {

        FileChangedException(String message) {
            super(message);
        }
    }
}
