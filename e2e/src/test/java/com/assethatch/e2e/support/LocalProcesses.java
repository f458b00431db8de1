package com.assethatch.e2e.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The processes an end-to-end test runs on this machine: both packaged services ({@code quarkus-run.jar}, built by the
 * reactor before this module), the gateway ({@code scripts/gateway}, so the same template as everywhere) and helpers
 * such as a static file server. Each listens on a free port and logs to {@code <work>/<name>.log}; a process started
 * again under the same name (a restart in a fault test) appends to that log, so the earlier instance's lines stay
 * there to explain a failure. {@link #close()} ends every one of them (and only them).
 */
public final class LocalProcesses implements AutoCloseable {

    public static final Path ROOT = Path.of(System.getProperty("e2e.repository-root", "..")).toAbsolutePath().normalize();
    public static final String DATABASE = System.getProperty("e2e.database", "asset_hatch_e2e");
    public static final String REDIS_HOSTS = System.getProperty("e2e.redis-hosts", "redis://127.0.0.1:6379/2");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String READINESS_PATH = "/q/health/ready";

    /** A process this test started, listening on {@code port}. */
    public record Running(String name, int port, Process process, Path log) {
        public URI uri(String path) {
            return URI.create(origin() + path);
        }

        public String origin() {
            return "http://127.0.0.1:" + port;
        }
    }

    private final Path work;
    private final List<Running> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LocalProcesses(Path work) throws IOException {
        this.work = Files.createDirectories(work);
    }

    /** project-service against the e2e database and Redis database, ready to serve. */
    public Running startProjectService(Map<String, String> environment) throws IOException, InterruptedException {
        return awaitReady(startService("project-service", projectServiceSettings(environment)));
    }

    /** export-service against the e2e database (after project-service migrated it), ready to serve. */
    public Running startExportService(Map<String, String> environment) throws IOException, InterruptedException {
        return awaitReady(startService("export-service", exportServiceSettings(environment)));
    }

    /**
     * project-service's environment for the e2e database and Redis database and the local authentication settings
     * ({@link LocalAuth}), plus {@code extra}.
     */
    public static Map<String, String> projectServiceSettings(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(LocalAuth.environment());
        settings.putAll(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/" + DATABASE,
                "QUARKUS_REDIS_HOSTS", REDIS_HOSTS,
                "ASSET_HATCH_CACHE_KEY_PREFIX", "ah-e2e"));
        settings.putAll(extra);
        return settings;
    }

    /** export-service's environment for the e2e database and the local authentication settings, plus {@code extra}. */
    public static Map<String, String> exportServiceSettings(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(LocalAuth.environment());
        settings.putAll(Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/" + DATABASE));
        settings.putAll(extra);
        return settings;
    }

    /** The jar as a child process on a free port, not yet waited for. */
    public Running startService(String name, Map<String, String> environment) throws IOException {
        Path jar = ROOT.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            fail(jar + " does not exist: the e2e tests run in the integration-test phase after the reactor packaged "
                    + name + " (./mvnw verify, or ./mvnw -pl e2e -am verify)");
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", jar.toString());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return start(name, port, builder);
    }

    /**
     * The gateway as {@code scripts/gateway} runs it, on a free port, in front of the given upstreams; other
     * settings of gateway/gateway.env can be overridden in {@code settings}. Ready once it proxies a spec.
     */
    public Running startGateway(String name, String projectService, String exportService, String frontendUrl,
            Map<String, String> settings) throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("scripts/gateway").toString());
        Map<String, String> environment = builder.environment();
        environment.putAll(settings);
        environment.put("GATEWAY_PORT", Integer.toString(port));
        environment.put("GATEWAY_PROJECT_SERVICE", projectService);
        environment.put("GATEWAY_EXPORT_SERVICE", exportService);
        environment.put("GATEWAY_FRONTEND_URL", frontendUrl);
        environment.put("GATEWAY_DIR", work.resolve(name).toString());
        Running gateway = start(name, port, builder);
        return awaitListening(gateway);
    }

    /** A directory served over HTTP by python3's standard http.server (python3 is installed by scripts/infra). */
    public Running startStaticServer(String name, Path directory) throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("python3", "-m", "http.server", Integer.toString(port),
                "--bind", "127.0.0.1", "--directory", directory.toString());
        return awaitListening(start(name, port, builder));
    }

    /** Where a gateway keeps its rendered configuration, logs and temp directories. */
    public Path gatewayDir(Running gateway) {
        return work.resolve(gateway.name());
    }

    public String log(Running running) {
        try (InputStream in = Files.newInputStream(running.log())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + running.log() + ": " + e + ")";
        }
    }

    /** Every log, once each, for a failed test's output. */
    public void printLogs() {
        Set<Path> printed = new HashSet<>();
        for (Running running : started) {
            if (!printed.add(running.log())) {
                continue;
            }
            System.out.printf("%n===== %s log (%s) =====%n%s%n===== end of %s log =====%n",
                    running.name(), running.log(), log(running), running.name());
        }
    }

    public void stop(Running running) throws InterruptedException {
        running.process().descendants().forEach(ProcessHandle::destroy);
        running.process().destroy();
        running.process().waitFor();
    }

    /** kill -9: the process gets no chance to finish anything, as in a crash or an OOM kill. */
    public void kill(Running running) throws InterruptedException {
        running.process().descendants().forEach(ProcessHandle::destroyForcibly);
        running.process().destroyForcibly();
        running.process().waitFor();
    }

    @Override
    public void close() {
        for (Running running : started) {
            running.process().descendants().forEach(ProcessHandle::destroyForcibly);
            running.process().destroyForcibly();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private Running start(String name, int port, ProcessBuilder builder) throws IOException {
        Path log = work.resolve(name + ".log");
        boolean restart = started.stream().anyMatch(earlier -> earlier.log().equals(log));
        ProcessBuilder.Redirect output = restart
                ? ProcessBuilder.Redirect.appendTo(log.toFile())
                : ProcessBuilder.Redirect.to(log.toFile());
        builder.directory(work.toFile()).redirectErrorStream(true).redirectOutput(output);
        Running running = new Running(name, port, builder.start(), log);
        started.add(running);
        return running;
    }

    /** Waits until a service started with {@link #startService} reports ready. */
    public Running awaitReady(Running service) throws InterruptedException {
        awaitAnswer(service, READINESS_PATH, true);
        return service;
    }

    private Running awaitListening(Running running) throws InterruptedException {
        awaitAnswer(running, "/", false);
        return running;
    }

    private void awaitAnswer(Running running, String path, boolean needs200) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!running.process().isAlive()) {
                fail(running.name() + " exited during start-up with code " + running.process().exitValue() + ":\n"
                        + log(running) + "\n(scripts/infra creates the database " + DATABASE + " and installs nginx)");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(running.uri(path))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (!needs200 || response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        fail(running.name() + " did not answer within " + READY_TIMEOUT.toSeconds() + " s; log: " + running.log());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
