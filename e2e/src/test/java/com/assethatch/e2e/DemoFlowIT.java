package com.assethatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.assethatch.e2e.support.LocalAuth;
import com.assethatch.e2e.support.LocalProcesses;
import com.assethatch.e2e.support.LocalProcesses.Running;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The whole flow, end to end: both packaged services ({@code target/quarkus-app/quarkus-run.jar}, built by the reactor
 * before this module) run as child processes on free ports against the database {@code asset_hatch_e2e} (created by
 * {@code scripts/infra}, migrated by project-service at start) and Redis logical database 2; {@code scripts/demo} runs
 * against them and the ZIP it downloads is checked here again; then both services get SIGTERM and must stop in time.
 *
 * <p>The services' output goes to {@code target/e2e/*.log} and is printed when anything fails. Overrides: system
 * properties {@code e2e.database} and {@code e2e.redis-hosts}, e.g. for two worktrees testing at once.
 */
class DemoFlowIT {

    private static final Path ROOT = LocalProcesses.ROOT;
    private static final Path WORK = Path.of(System.getProperty("e2e.work-dir", "target/e2e")).toAbsolutePath();
    private static final Duration DEMO_TIMEOUT = Duration.ofSeconds(60);
    private static final int LARGE_IMAGES = 12;
    /** Side of a square PNG of RGB noise: incompressible, so about 2 MB each (the service decodes every image). */
    private static final int LARGE_IMAGE_SIDE = 840;
    private static final long LARGE_IMAGE_SEED = 42;
    /** Well under quarkus.shutdown.timeout: the stream ends when the shutdown begins, not when it gives up. */
    private static final Duration STREAM_END_DEADLINE = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final LocalProcesses processes;

    DemoFlowIT() throws IOException {
        processes = new LocalProcesses(WORK);
    }

    @Test
    void demoRunsTheWholeFlowAndTheServicesStopGracefully() throws Exception {
        Files.createDirectories(WORK);
        Path demoOutput = WORK.resolve("demo-output");
        deleteRecursively(demoOutput);
        String projectId = "e2e-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid();
        try {
            // Both at once (the quicker start); export-service's readiness waits for the schema project-service migrates.
            Running project = processes.startService("project-service", LocalProcesses.projectServiceSettings(Map.of()));
            Running export = processes.startService("export-service", LocalProcesses.exportServiceSettings(Map.of()));
            processes.awaitReady(project);
            processes.awaitReady(export);

            DemoRun demo = runDemo(project, export, projectId, demoOutput);
            assertThat(demo.exitCode()).as("exit code of scripts/demo; its output:%n%s", demo.output()).isZero();
            System.out.printf("[e2e] scripts/demo passed in %d ms; its output is in %s%n",
                    demo.took().toMillis(), WORK.resolve("demo.log"));

            Path zip = demoOutput.resolve("Demo_Farm_assets.zip");
            assertThat(zip).as("the ZIP scripts/demo saves").isRegularFile();
            Map<String, byte[]> entries = readZip(zip);
            assertThat(entries.keySet()).as("entries of %s", zip).first().isEqualTo("manifest.json");
            JsonNode manifest = json.readTree(entries.get("manifest.json"));
            assertThat(manifest.at("/project/id").asText()).isEqualTo(projectId);
            assertThat(manifest.at("/style/perspective").asText()).isEqualTo("side-view");

            List<String> approved = new ArrayList<>();
            get(project, "/api/projects/" + projectId + "/generated-assets?status=approved")
                    .get("assets").forEach(asset -> approved.add(asset.get("assetId").asText()));
            assertThat(approved).as("approved images").isNotEmpty();
            List<String> imageEntries = entries.keySet().stream()
                    .filter(name -> !name.equals("manifest.json") && !name.startsWith("style_anchor."))
                    .toList();
            assertThat(imageEntries).as("one ZIP entry per approved image").hasSameSizeAs(approved);
            List<String> manifestAssetIds = new ArrayList<>();
            manifest.get("assets").forEach(asset -> {
                manifestAssetIds.add(asset.get("assetId").asText());
                assertThat(imageEntries).contains(asset.get("path").asText());
                assertThat(entries.get(asset.get("path").asText())).hasSize(asset.get("bytes").asInt());
            });
            assertThat(manifestAssetIds).containsExactlyInAnyOrderElementsOf(approved);

            // A download in flight when export-service is told to stop still completes, whole.
            int largeImages = uploadLargeApprovedImages(project, projectId);
            InputStream download = startDownload(export, projectId);
            export.process().destroy(); // SIGTERM while the ZIP is being streamed
            Path shutdownZip = WORK.resolve("downloaded-during-shutdown.zip");
            try (download) {
                Files.copy(download, shutdownZip, StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(readZip(shutdownZip)).as("entries of the ZIP downloaded across the shutdown")
                    .hasSize(entries.size() + largeImages);

            // A browser still watching the project must not hold the shutdown for its whole timeout.
            CompletableFuture<Long> liveStream = openEventStream(project, projectId);
            stopGracefully(export);
            assertThat(stopGracefully(project)).as("project-service's shutdown with a live event stream open")
                    .isLessThan(STREAM_END_DEADLINE);
            assertThat(liveStream.get(STREAM_END_DEADLINE.toSeconds(), TimeUnit.SECONDS))
                    .as("lines the event stream carried before the shutdown ended it").isPositive();
        } catch (Throwable failure) {
            processes.printLogs();
            throw failure;
        } finally {
            processes.close();
        }
    }

    // --- services -------------------------------------------------------------------------------------------

    /**
     * Approves images big enough (together far more than the socket buffers) that a download of the pack is
     * still streaming when the service is told to stop. Their plan asset ids are not in the plan, so the
     * export puts them under unplanned/.
     */
    private int uploadLargeApprovedImages(Running project, String projectId) throws Exception {
        Random random = new Random(LARGE_IMAGE_SEED);
        for (int i = 0; i < LARGE_IMAGES; i++) {
            byte[] image = noisePng(random);
            String body = json.writeValueAsString(Map.of("id", projectId + "-large-" + i, "projectId", projectId,
                    "assetId", projectId + "-extra-" + i, "status", "approved",
                    "imageBlob", Base64.getEncoder().encodeToString(image)));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(project.uri("/api/generated-assets"))
                    .header("Authorization", LocalAuth.authorization())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("upload of a large image: %s", response.body()).isEqualTo(200);
        }
        return LARGE_IMAGES;
    }

    private static byte[] noisePng(Random random) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(LARGE_IMAGE_SIDE, LARGE_IMAGE_SIDE,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < LARGE_IMAGE_SIDE; y++) {
            for (int x = 0; x < LARGE_IMAGE_SIDE; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /** Starts the ZIP download and reads its first bytes, so it is in flight. */
    private InputStream startDownload(Running export, String projectId) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                export.uri("/api/projects/" + projectId + "/export")).header("Authorization", LocalAuth.authorization())
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("status of the export").isEqualTo(200);
        InputStream body = new java.io.BufferedInputStream(response.body());
        body.mark(1);
        assertThat(body.read()).as("first byte of the ZIP").isNotNegative();
        body.reset();
        return body;
    }

    /** Opens the project's SSE stream, waits for its first event; completes with the line count when it ends. */
    private CompletableFuture<Long> openEventStream(Running project, String projectId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(project.uri("/api/projects/" + projectId + "/events"))
                .header("Accept", "text/event-stream").header("Authorization", LocalAuth.authorization()).build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).as("status of the event stream").isEqualTo(200);
        java.util.Iterator<String> lines = response.body().iterator();
        long seen = 0;
        while (lines.hasNext() && !lines.next().startsWith("event:")) {
            seen++;
        }
        long before = seen + 1;
        return CompletableFuture.supplyAsync(() -> {
            long count = before;
            while (lines.hasNext()) {
                lines.next();
                count++;
            }
            return count;
        });
    }

    /** SIGTERM (Process.destroy on Unix), then the process must be gone within quarkus.shutdown.timeout. */
    private Duration stopGracefully(Running service) throws InterruptedException {
        Duration timeout = shutdownTimeout(service.name());
        long started = System.nanoTime();
        service.process().destroy();
        boolean exited = service.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(exited).as("%s exited within its shutdown timeout %s after SIGTERM", service.name(), timeout).isTrue();
        System.out.printf("[e2e] %s stopped %d ms after SIGTERM, exit code %d%n",
                service.name(), took.toMillis(), service.process().exitValue());
        // The JVM reports SIGTERM as 128 + 15; Quarkus ran its shutdown (it logs "stopped in").
        assertThat(service.process().exitValue()).as("exit code of %s", service.name()).isIn(0, 143);
        assertThat(processes.log(service)).as("log of %s", service.name()).contains("stopped in");
        return took;
    }

    private static Duration shutdownTimeout(String serviceName) {
        Path file = ROOT.resolve(serviceName).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty("quarkus.shutdown.timeout", "30S").trim().toUpperCase(Locale.ROOT);
        return Duration.parse(value.startsWith("P") ? value : "PT" + value);
    }

    // --- the demo ---------------------------------------------------------------------------------------------

    record DemoRun(int exitCode, String output, Duration took) {
    }

    private DemoRun runDemo(Running project, Running export, String projectId, Path outputDir)
            throws IOException, InterruptedException {
        Path log = WORK.resolve("demo.log");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("scripts/demo").toString())
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("PROJECT_SERVICE_URL", project.uri("").toString());
        environment.put("EXPORT_SERVICE_URL", export.uri("").toString());
        environment.put("DEMO_OUTPUT_DIR", outputDir.toString());
        environment.put("DEMO_PROJECT_ID", projectId);
        // The demo acts as the e2e user; the project it creates is that user's, which the checks below read as.
        environment.put("DEMO_USER", LocalAuth.E2E_USER);
        environment.put("DEMO_AUTHORIZATION", "Authorization: " + LocalAuth.authorization());
        long started = System.nanoTime();
        Process demo = builder.start();
        if (!demo.waitFor(DEMO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            demo.destroy();
            demo.waitFor(5, TimeUnit.SECONDS);
            fail("scripts/demo did not finish within " + DEMO_TIMEOUT.toSeconds() + " s; its output so far:\n"
                    + Files.readString(log));
        }
        return new DemoRun(demo.exitValue(), Files.readString(log), Duration.ofNanos(System.nanoTime() - started));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private JsonNode get(Running service, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", LocalAuth.authorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Entries in archive order, with their bytes. */
    private static Map<String, byte[]> readZip(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                assertThat(entries.put(entry.getName(), bytes.toByteArray())).as("duplicate entry %s", entry.getName()).isNull();
            }
        }
        return entries;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
