package com.assethatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.e2e.support.LocalProcesses;
import com.assethatch.e2e.support.LocalProcesses.Running;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of project-service while uploads to the s3 image store are in flight: every row that made it to
 * Postgres names an object the store really has, with the row's size, and every upload that was answered 200 has its
 * row. The service runs from its packaged jar against the repository's Ceph radosgw ({@code scripts/object-store}).
 */
class ImageStoreCrashIT {

    private static final Path WORK = Path.of(System.getProperty("e2e.work-dir", "target/e2e")).toAbsolutePath();
    private static final int UPLOADERS = 4;
    private static final int IMAGE_BYTES = 512 * 1024;
    private static final int ANSWERED_BEFORE_KILL = 12;
    private static final Duration UPLOAD_PHASE_LIMIT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void killingTheServiceBetweenObjectPutsAndRowCommitsLeavesNoRowWithoutItsObject() throws Exception {
        Map<String, String> store = objectStoreSettings();
        String projectId = "crash-" + System.currentTimeMillis();
        try (LocalProcesses processes = new LocalProcesses(WORK)) {
            Map<String, String> settings = new HashMap<>(store);
            settings.put("ASSET_HATCH_IMAGES_SWEEP_ENABLED", "false");
            settings.put("ASSET_HATCH_AUTH_ENABLED", "false");
            Running project = processes.startProjectService(settings);
            send(project, "POST", "/api/projects", "{\"id\": \"" + projectId + "\", \"name\": \"Crash\"}", 201);

            AtomicInteger answered = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADERS);
            for (int i = 0; i < UPLOADERS; i++) {
                uploaders.submit(() -> {
                    try {
                        while (true) {
                            int index = next.getAndIncrement();
                            send(project, "POST", "/api/generated-assets", upload(projectId, index), 200);
                            answered.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException | AssertionError killed) {
                        return null; // the service is gone
                    }
                });
            }
            long deadline = System.nanoTime() + UPLOAD_PHASE_LIMIT.toNanos();
            while (answered.get() < ANSWERED_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            project.process().destroyForcibly(); // SIGKILL: no shutdown hook, requests cut wherever they are
            project.process().waitFor();
            uploaders.shutdown();
            assertThat(uploaders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            int answeredBeforeKill = answered.get();

            List<String[]> rows = new ArrayList<>();
            for (String line : psql("SELECT id || ' ' || coalesce(image_key, '-') || ' ' || byte_size FROM generated_asset "
                    + "WHERE project_id = '" + projectId + "'").split("\n")) {
                if (!line.isBlank()) {
                    rows.add(line.trim().split(" "));
                }
            }
            System.out.printf("[e2e] kill -9 after %d answered uploads of %d started: %d rows%n", answeredBeforeKill,
                    next.get(), rows.size());
            assertThat(answeredBeforeKill).as("uploads answered before the kill").isGreaterThanOrEqualTo(ANSWERED_BEFORE_KILL);
            assertThat(rows.size()).as("every answered upload has its row").isGreaterThanOrEqualTo(answeredBeforeKill);
            for (String[] row : rows) {
                assertThat(row[1]).as("row %s names an object", row[0]).isNotEqualTo("-");
                assertThat(objectLength(store, row[1])).as("object of row %s", row[0]).isEqualTo(Long.parseLong(row[2]));
            }
        }
    }

    /** The JSON upload the original frontend sends, with a PNG of its own (a counter in a private chunk). */
    private static String upload(String projectId, int index) {
        String id = projectId + "-" + index;
        return "{\"id\": \"" + id + "\", \"projectId\": \"" + projectId + "\", \"assetId\": \"" + id
                + "-asset\", \"imageBlob\": \"" + Base64.getEncoder().encodeToString(png(index)) + "\"}";
    }

    /** A real PNG (random RGB pixels, stored without compression) with a counter in a private ancillary chunk. */
    private static byte[] png(int index) {
        int width = 256;
        int height = IMAGE_BYTES / (width * 3 + 1);
        byte[] raw = new byte[height * (width * 3 + 1)];
        new Random(index).nextBytes(raw);
        for (int row = 0; row < height; row++) {
            raw[row * (width * 3 + 1)] = 0; // filter: none
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "beNc", ByteBuffer.allocate(4).putInt(index).array());
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.DeflaterOutputStream(deflated, new java.util.zip.Deflater(0))) {
            zip.write(raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        chunk(out, "IDAT", deflated.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private void send(Running service, String method, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri(path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
    }

    /** The object's Content-Length from a SigV4-signed HEAD (curl signs it), or -1 when the store has no such object. */
    private static long objectLength(Map<String, String> store, String key) throws IOException, InterruptedException {
        String url = store.get("ASSET_HATCH_IMAGES_S3_ENDPOINT") + "/" + store.get("ASSET_HATCH_IMAGES_S3_BUCKET") + "/" + key;
        String out = run(List.of("curl", "-sS", "-I", "-o", "/dev/null", "-w", "%{http_code} %header{content-length}",
                "--aws-sigv4", "aws:amz:" + store.get("ASSET_HATCH_IMAGES_S3_REGION") + ":s3",
                "--user", store.get("ASSET_HATCH_IMAGES_S3_ACCESS_KEY_ID") + ":" + store.get("ASSET_HATCH_IMAGES_S3_SECRET_ACCESS_KEY"),
                "-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD", url), Map.of()).trim();
        String[] fields = out.split(" ");
        return fields[0].equals("200") ? Long.parseLong(fields[1]) : -1;
    }

    /** scripts/object-store start (a no-op when it runs): its settings as environment variables. */
    private static Map<String, String> objectStoreSettings() throws IOException, InterruptedException {
        Map<String, String> settings = new HashMap<>();
        for (String line : run(List.of(LocalProcesses.ROOT.resolve("scripts/object-store").toString(), "start"), Map.of())
                .split("\n")) {
            int equals = line.indexOf('=');
            if (line.startsWith("ASSET_HATCH_IMAGES_") && equals > 0) {
                settings.put(line.substring(0, equals), line.substring(equals + 1).trim());
            }
        }
        assertThat(settings).containsEntry("ASSET_HATCH_IMAGES_STORE", "s3");
        return settings;
    }

    private static String psql(String sql) throws IOException, InterruptedException {
        return run(List.of("psql", "-qAt", "-h", "127.0.0.1", "-U", "asset_hatch", "-d", LocalProcesses.DATABASE, "-c", sql),
                Map.of("PGPASSWORD", "asset_hatch"));
    }

    private static String run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
        assertThat(process.exitValue()).as("exit code of %s", command).isZero();
        return out;
    }
}
