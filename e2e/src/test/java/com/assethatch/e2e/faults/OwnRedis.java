package com.assethatch.e2e.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the test's own on a spare port, without persistence, so the test may kill it (it comes back
 * empty), pause it and make it refuse writes. Commands go through redis-cli.
 */
final class OwnRedis implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    final int port;
    private final Path log;
    private Process server;

    private OwnRedis(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    static OwnRedis start(int port, Path log) throws IOException, InterruptedException {
        OwnRedis redis = new OwnRedis(port, log);
        redis.startServer();
        return redis;
    }

    String hosts() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** kill -9 and start again on the same port: every key is gone. */
    void restartEmpty(Duration downtime) throws IOException, InterruptedException {
        server.destroyForcibly().waitFor();
        Thread.sleep(downtime.toMillis());
        startServer();
    }

    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    /** Redis answers reads but refuses every write (NOREPLICAS: it demands a replica it does not have). */
    void refuseWrites(boolean refuse) throws IOException, InterruptedException {
        cli(List.of("CONFIG SET min-replicas-to-write " + (refuse ? 1 : 0)));
    }

    /** Runs each line as a command; the replies, one per line (redis-cli's raw output). */
    List<String> cli(List<String> commands) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("redis-cli", "-p", Integer.toString(port)).redirectErrorStream(true).start();
        process.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("redis-cli failed: " + output);
        }
        return output.lines().toList();
    }

    private void startServer() throws IOException, InterruptedException {
        server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (cli(List.of("PING")).contains("PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("redis-server did not start on port " + port + "; see " + log);
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder(new ArrayList<>(List.of("kill", "-" + signal, Long.toString(server.pid())))).start();
        kill.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            try {
                resume();
            } catch (IOException ignored) {
                // gone already
            }
            server.destroyForcibly().waitFor();
        }
    }
}
