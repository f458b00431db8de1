package com.assethatch.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Vert.x server whose worker thread writes a body the way Quarkus REST does for a download (each write queued
 * to the event loop from the worker), through {@link SocketPacedOutputStream}, to a real client socket.
 */
class SocketPacedOutputStreamTest {

    private static final int SLICE_BYTES = 256 * 1024;
    private static final int BODY_BYTES = 64 * 1024 * 1024;
    private static final int WRITE_BYTES = 64 * 1024;
    private static final int CLIENT_RECEIVE_BUFFER = 64 * 1024;
    /** Loopback socket buffers on both sides plus two slices stay far below this. */
    private static final long AT_MOST_IN_FLIGHT = 16L * 1024 * 1024;
    private static final Duration SETTLE = Duration.ofMillis(500);

    private Vertx vertx;
    private HttpServer server;
    private final AtomicLong handedToConnection = new AtomicLong();
    private final CompletableFuture<Void> writerDone = new CompletableFuture<>();

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            HttpServerResponse response = request.response().putHeader("Content-Length", String.valueOf(BODY_BYTES));
            vertx.executeBlocking(() -> {
                writeBody(response);
                return null;
            }).onComplete(done -> {
                if (done.succeeded()) {
                    response.end();
                    writerDone.complete(null);
                } else {
                    writerDone.completeExceptionally(done.cause());
                }
            });
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aClientThatStopsReadingStopsTheDownloadInsteadOfQueueingItsBytes() throws Exception {
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(CLIENT_RECEIVE_BUFFER);
            client.connect(new InetSocketAddress("127.0.0.1", server.actualPort()));
            client.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            long handedWhileNotReading = awaitSteady();
            assertThat(handedWhileNotReading).as("bytes handed to the connection while the client reads nothing")
                    .isLessThan(AT_MOST_IN_FLIGHT);

            assertThat(bodyBytes(client.getInputStream())).as("the whole body, once the client reads").isEqualTo(BODY_BYTES);
            writerDone.get(30, TimeUnit.SECONDS);
        }
    }

    private void writeBody(HttpServerResponse response) throws IOException {
        try (OutputStream body = new SocketPacedOutputStream(new QueuedWrites(response), response, SLICE_BYTES)) {
            byte[] piece = new byte[WRITE_BYTES];
            for (int written = 0; written < BODY_BYTES; written += WRITE_BYTES) {
                body.write(piece);
            }
        }
    }

    /** Waits until the writer has stopped handing bytes to the connection; how many it handed. */
    private long awaitSteady() throws InterruptedException {
        long before = -1;
        long now = handedToConnection.get();
        while (now != before && now < BODY_BYTES) {
            Thread.sleep(SETTLE.toMillis());
            before = now;
            now = handedToConnection.get();
        }
        return now;
    }

    private static long bodyBytes(InputStream in) throws IOException {
        byte[] buffer = new byte[WRITE_BYTES];
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        long total = 0;
        for (int read; total < BODY_BYTES && (read = in.read(buffer)) > 0; ) {
            total += read;
        }
        return total;
    }

    /** Quarkus REST's blocking path without its write-queue check: every write queued on the event loop. */
    private final class QueuedWrites extends OutputStream {

        private final HttpServerResponse response;

        QueuedWrites(HttpServerResponse response) {
            this.response = response;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            response.write(Buffer.buffer(Arrays.copyOfRange(bytes, offset, offset + length)));
            handedToConnection.addAndGet(length);
        }
    }
}
