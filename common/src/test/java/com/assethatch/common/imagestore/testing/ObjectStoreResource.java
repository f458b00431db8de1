package com.assethatch.common.imagestore.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the service against the real S3 store of this repository: a Ceph radosgw on loopback, started (once, it is
 * idempotent) by {@code scripts/object-store start}, whose settings become the service's configuration. The store is
 * left running for the next test class and module (objects in RAM, ~14 s to start); {@code .ci/run} stops it.
 * Needs the Ceph packages: {@code scripts/infra --object-store}.
 */
public class ObjectStoreResource implements QuarkusTestResourceLifecycleManager {

    private static final long START_TIMEOUT_SECONDS = 240;
    private static Map<String, String> settings;

    @Override
    public Map<String, String> start() {
        return settings();
    }

    @Override
    public void stop() {
        // left running on purpose: the next test class reuses it
    }

    /** The store's settings as configuration keys (asset-hatch.images.*), starting it when needed. */
    public static synchronized Map<String, String> settings() {
        if (settings == null) {
            settings = startStore();
        }
        return settings;
    }

    private static Map<String, String> startStore() {
        Path script = repositoryRoot().resolve("scripts/object-store");
        try {
            Path out = Files.createTempFile("object-store", ".env");
            Process process = new ProcessBuilder(script.toString(), "start")
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("scripts/object-store start took over " + START_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("scripts/object-store start failed (exit " + process.exitValue()
                        + "); the Ceph packages come with scripts/infra --object-store");
            }
            Map<String, String> config = new HashMap<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (line.startsWith("ASSET_HATCH_IMAGES_") && equals > 0) {
                    config.put(configKey(line.substring(0, equals)), line.substring(equals + 1));
                }
            }
            Files.deleteIfExists(out);
            return Map.copyOf(config);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the object store", e);
        }
    }

    /** ASSET_HATCH_IMAGES_S3_ACCESS_KEY_ID → asset-hatch.images.s3.access-key-id (the S3 group has one level). */
    static String configKey(String variable) {
        String rest = variable.substring("ASSET_HATCH_IMAGES_".length()).toLowerCase(Locale.ROOT);
        if (rest.startsWith("s3_")) {
            return "asset-hatch.images.s3." + rest.substring(3).replace('_', '-');
        }
        return "asset-hatch.images." + rest.replace('_', '-');
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("scripts/object-store"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("scripts/object-store not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
