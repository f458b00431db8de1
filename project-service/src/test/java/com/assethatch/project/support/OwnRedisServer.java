package com.assethatch.project.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A Redis server that belongs to the test: its own port and data directory on loopback, with an
 * append-only file so that a restart brings back what it held (stale data included). Tests stop and
 * start it at will; the machine's Redis is never touched.
 */
public class OwnRedisServer implements QuarkusTestResourceLifecycleManager {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PORT_POLL_INTERVAL = Duration.ofMillis(50);
    private static volatile OwnRedisServer current;

    private int port;
    private Path dataDirectory;
    private Process process;

    public static OwnRedisServer current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        try {
            port = freePort();
            dataDirectory = Files.createTempDirectory("own-redis");
            startServer();
            current = this;
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port + "/0");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start a test Redis (is redis-server installed?)", e);
        }
    }

    @Override
    public void stop() {
        stopServer();
        current = null;
    }

    public synchronized void startServer() {
        try {
            process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--dir", dataDirectory.toString(), "--appendonly", "yes", "--appendfsync", "always",
                    "--save", "")
                    .redirectErrorStream(true)
                    .redirectOutput(dataDirectory.resolve("redis.log").toFile())
                    .start();
            awaitPort(true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server the hard way (as a crash would), keeping its append-only file. */
    public synchronized void stopServer() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            awaitPort(false);
        }
    }

    /** Freezes the server: connections stay open but nothing answers, as with a hung host. */
    public synchronized void freeze() {
        signal("-STOP");
    }

    public synchronized void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitPort(boolean open) {
        Awaitility.await("test Redis on port " + port + (open ? " to start" : " to stop"))
                .atMost(START_TIMEOUT).pollInterval(PORT_POLL_INTERVAL).until(() -> isOpen() == open);
    }

    private boolean isOpen() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
