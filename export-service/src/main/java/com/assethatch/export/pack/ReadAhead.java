package com.assethatch.export.pack;

import com.assethatch.common.hash.Sha256;
import com.assethatch.export.images.ImageChangedException;
import com.assethatch.export.images.ImageSource;
import com.assethatch.export.images.StoredImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.zip.CRC32;

/**
 * Reads the images of one download ahead of the download's thread, which sends them in order, within a fixed budget
 * of bytes: an image is started only when the images read but not yet sent leave room for it (an image larger than
 * the whole budget is read alone). Up to {@code parallelReads} images are read at once: reading one is a sequence of
 * round trips to the store, so a single reader leaves the sender waiting. Each image is read whole, in chunks, and
 * checked against the size and sha256 the manifest lists before the download sees it, so a changed image stops the
 * download between two files, never inside one.
 */
final class ReadAhead implements AutoCloseable {

    /** One image, read and checked: its bytes in chunks, and the CRC-32 its ZIP header needs. */
    record Loaded(StoredImage image, List<byte[]> chunks, int crc, int permits) {
    }

    /** Reading an image failed for a reason other than the image having changed (e.g. the database went away). */
    static final class ReadFailed extends IOException {
        ReadFailed(Throwable cause) {
            super("Could not read the next image: " + cause.getMessage(), cause);
        }
    }

    private final List<StoredImage> images;
    private final ImageSource source;
    private final int budget;
    private final int chunkBytes;
    private final boolean verifySha256;
    private final ExecutorService executor;
    private final Semaphore room;
    private final Semaphore readers;
    /** The reads in the images' order, started or finished; the dispatcher adds, {@link #next} takes. */
    private final BlockingQueue<Future<Loaded>> started = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private final Future<?> dispatcher;

    /**
     * @param budget        bytes of images that may be held read but not yet sent
     * @param chunkBytes    size of the arrays images are held in
     * @param verifySha256  whether to hash each image (its size is always checked)
     * @param parallelReads images read at once, at least 1
     */
    ReadAhead(List<StoredImage> images, ImageSource source, int budget, int chunkBytes, boolean verifySha256,
            int parallelReads, ExecutorService executor) {
        this.images = List.copyOf(images);
        this.source = source;
        this.budget = budget;
        this.chunkBytes = chunkBytes;
        this.verifySha256 = verifySha256;
        this.executor = executor;
        this.room = new Semaphore(budget);
        this.readers = new Semaphore(Math.max(1, parallelReads));
        this.dispatcher = executor.submit(this::startReads);
    }

    /** The next image in order, waiting for it if needed. Call {@link #sent} when it has been written. */
    Loaded next() throws IOException {
        try {
            return started.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the next image");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof ImageChangedException changed ? changed : new ReadFailed(cause);
        }
    }

    /** Gives the image's bytes back to the budget. */
    void sent(Loaded loaded) {
        room.release(loaded.permits());
    }

    /** Stops reading; readers end after their current chunk. Safe to call more than once. */
    @Override
    public void close() {
        closed = true;
        dispatcher.cancel(true);
        started.forEach(read -> read.cancel(true));
    }

    /** Starts each image's read, in order, once the budget and a reader allow it. */
    private void startReads() {
        try {
            for (StoredImage image : images) {
                int permits = (int) Math.min(image.bytes(), budget);
                room.acquire(permits);
                readers.acquire();
                if (closed) {
                    return;
                }
                started.add(executor.submit(() -> {
                    try {
                        return read(image, permits);
                    } finally {
                        readers.release();
                    }
                }));
            }
        } catch (InterruptedException e) {
            started.add(CompletableFuture.failedFuture(new InterruptedIOException("Stopped reading images")));
        } catch (RuntimeException e) { // e.g. the worker pool refused the read: the download must not wait forever
            started.add(CompletableFuture.failedFuture(e));
        }
    }

    private Loaded read(StoredImage image, int permits) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        CRC32 crc = new CRC32();
        MessageDigest sha256 = verifySha256 ? Sha256.newDigest() : null;
        long total = 0;
        try (InputStream in = source.open(image)) {
            while (!closed) {
                // One byte more than expected shows an image that grew.
                byte[] chunk = in.readNBytes((int) Math.min(chunkBytes, image.bytes() + 1 - total));
                if (chunk.length == 0) {
                    break;
                }
                total += chunk.length;
                if (total > image.bytes()) {
                    break;
                }
                crc.update(chunk);
                if (sha256 != null) {
                    sha256.update(chunk);
                }
                chunks.add(chunk);
            }
        }
        if (closed) {
            throw new InterruptedIOException("Stopped reading images");
        }
        if (total != image.bytes()) {
            throw new ImageChangedException(image + " has " + (total > image.bytes() ? "more than " : "") + total
                    + " bytes, the manifest lists " + image.bytes());
        }
        if (sha256 != null) {
            String actual = HexFormat.of().formatHex(sha256.digest());
            if (!actual.equalsIgnoreCase(image.sha256())) {
                throw new ImageChangedException(image + " has sha256 " + actual + ", the manifest lists "
                        + image.sha256());
            }
        }
        return new Loaded(image, chunks, (int) crc.getValue(), permits);
    }
}
