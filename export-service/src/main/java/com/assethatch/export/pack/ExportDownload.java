package com.assethatch.export.pack;

import com.assethatch.common.hash.Sha256;
import com.assethatch.export.zip.DeterministicZipWriter;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * One ZIP download, decided and checked, waiting to be written. Writes {@code manifest.json} (deflated), the
 * style anchor and then one image at a time (stored), each read from the same snapshot the manifest came from,
 * so memory holds at most one image whatever the size of the pack. Runs on a worker thread.
 */
public final class ExportDownload {

    private final Snapshot snapshot;
    private final PackLayout plan;
    private final byte[] manifestJson;
    private final ExportRepository repository;
    private final ExportConfig config;

    ExportDownload(Snapshot snapshot, PackLayout plan, byte[] manifestJson, ExportRepository repository,
            ExportConfig config) {
        this.snapshot = snapshot;
        this.plan = plan;
        this.manifestJson = manifestJson;
        this.repository = repository;
        this.config = config;
    }

    public String projectName() {
        return plan.project().name();
    }

    /**
     * Streams the archive. When the client goes away the snapshot is released and the work stops, logged
     * without a stack trace; a file whose bytes differ from the manifest aborts the download (the client
     * sees a broken transfer, never a wrong file).
     */
    public void writeTo(OutputStream out) throws IOException {
        String projectId = plan.project().id();
        long started = System.nanoTime();
        DeterministicZipWriter zip = new DeterministicZipWriter(out, config.zip().entryTime(),
                config.zip().manifestCompressionLevel());
        int filesWritten = 0;
        try {
            zip.writeDeflated(PackLayout.MANIFEST_PATH, manifestJson);
            out.flush();
            if (plan.anchor().isPresent()) {
                PackLayout.File anchor = plan.anchor().get();
                zip.writeStored(anchor.path(), checked(anchor, Blocking.await(() -> repository.anchorImage(snapshot, projectId))));
                filesWritten++;
            }
            for (PackLayout.File file : plan.images()) {
                zip.writeStored(file.path(), checked(file, Blocking.await(() -> repository.image(snapshot, file.imageId()))));
                filesWritten++;
            }
            zip.finish();
            out.flush();
            Log.infof("Exported project %s: %d files, %d bytes of content in %d ms", projectId, filesWritten,
                    zip.payloadBytes(), elapsedMillis(started));
        } catch (FileChangedException e) {
            Log.errorf("Export of project %s aborted: %s", projectId, e.getMessage());
            throw e;
        } catch (IOException e) {
            Log.infof("Export of project %s stopped after %d of %d files: the client went away (%s)", projectId,
                    filesWritten, plan.fileCount(), e.getMessage());
        } catch (RuntimeException e) {
            if (snapshot.isClosed()) {
                Log.infof("Export of project %s stopped after %d of %d files: the download ended early", projectId,
                        filesWritten, plan.fileCount());
                return;
            }
            Log.errorf(e, "Export of project %s failed after %d of %d files", projectId, filesWritten, plan.fileCount());
            throw new IOException("Export failed after the response started", e);
        } finally {
            closeSnapshot();
        }
    }

    /** From the worker: waits until the connection is back in the pool. */
    private void closeSnapshot() {
        try {
            Blocking.await(snapshot::close);
        } catch (RuntimeException e) {
            Log.warnf("Could not release the export snapshot of project %s cleanly: %s", plan.project().id(),
                    e.getMessage());
        }
    }

    /**
     * Ends the snapshot and hands the connection back without waiting: for the event loop, when the response
     * ends or the connection closes. Safe to call more than once and together with {@link #writeTo}.
     */
    public void release() {
        snapshot.close().subscribe().with(
                done -> { },
                failure -> Log.warnf("Could not release the export snapshot cleanly: %s", failure.getMessage()));
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
