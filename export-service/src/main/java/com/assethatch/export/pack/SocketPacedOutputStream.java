package com.assethatch.export.pack;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;

/**
 * A download's body, paced by its socket. A worker thread's writes reach the connection through its event loop's
 * task queue, which Vert.x's write-queue check ({@code writeQueueFull}) does not see: on a busy machine a download
 * would hand its whole read-ahead to that queue, as direct buffers outside the heap. So after every
 * {@code sliceBytes} this stream flushes and waits until the socket has taken everything written before the previous
 * slice: at most about two slices of a download are in flight, however slow the event loop or the client. Runs on
 * the download's worker thread.
 */
final class SocketPacedOutputStream extends FilterOutputStream {

    private static final Buffer EMPTY = Buffer.buffer(0);

    private final HttpServerResponse response;
    private final int sliceBytes;
    private int sliceWritten;
    /** Completes when every byte written before it has reached the socket. */
    private Future<Void> previousSlice = Future.succeededFuture();

    SocketPacedOutputStream(OutputStream body, HttpServerResponse response, int sliceBytes) {
        super(body);
        this.response = response;
        this.sliceBytes = sliceBytes;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        advance(1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        advance(length);
    }

    private void advance(int written) throws IOException {
        sliceWritten += written;
        if (sliceWritten >= sliceBytes) {
            out.flush();
            awaitSent(previousSlice);
            previousSlice = markEndOfSlice();
            sliceWritten = 0;
        }
    }

    /** An empty write: the connection writes in order, so it completes once everything before it was sent. */
    private Future<Void> markEndOfSlice() throws IOException {
        try {
            return response.write(EMPTY);
        } catch (IllegalStateException e) { // the response was closed or ended meanwhile
            throw new IOException("the connection is closed", e);
        }
    }

    private static void awaitSent(Future<Void> slice) throws IOException {
        try {
            slice.toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the client was reading");
        } catch (ExecutionException e) {
            throw new IOException("the connection is closed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
