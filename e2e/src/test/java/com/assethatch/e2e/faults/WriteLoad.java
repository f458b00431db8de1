package com.assethatch.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * Concurrent writers, each on a project of its own, that read their write back after every 2xx: PATCHes of a quality
 * and uploads of generated assets. Afterwards {@link #countLostWrites} checks every acknowledged write against
 * Postgres. Stale reads (an older version than the 2xx promised, a missing asset or list member) are counted as they
 * happen.
 */
final class WriteLoad {

    /** Which answers a fault excuses. */
    enum Excuse {
        /** The service itself is killed: connections fail until it is back. */
        SERVICE_DOWN,
        /** Postgres is down or frozen: 503 (with Retry-After) is the honest answer. */
        DATABASE_DOWN,
        /** Only Redis is in trouble: every request must still succeed. */
        NOTHING
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIST_CHECK_EVERY = 4;
    private static final int IMAGE_SIDE = 16;

    private final ServiceClient client;
    private final Tally tally;
    private final List<PatchWorker> patchers = new ArrayList<>();
    private final List<UploadWorker> uploaders = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong unansweredInPhase = new AtomicLong();
    private volatile Excuse excuse = Excuse.NOTHING;
    private volatile boolean running;

    WriteLoad(ServiceClient client, Tally tally, List<String> patchProjects, List<String> uploadProjects) {
        this.client = client;
        this.tally = tally;
        patchProjects.forEach(project -> patchers.add(new PatchWorker(project)));
        uploadProjects.forEach(project -> uploaders.add(new UploadWorker(project)));
    }

    /** Starts every worker; {@code excuse} says which failures the coming fault may cause. */
    void start(Excuse excuse) {
        this.excuse = excuse;
        unansweredInPhase.set(0);
        running = true;
        List<Runnable> workers = new ArrayList<>(patchers);
        workers.addAll(uploaders);
        for (Runnable worker : workers) {
            Thread thread = new Thread(worker, "fault-load");
            thread.start();
            threads.add(thread);
        }
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
        threads.clear();
        if (excuse != Excuse.SERVICE_DOWN && unansweredInPhase.get() > 0) {
            tally.unexpectedAnswers.addAndGet(unansweredInPhase.get());
            tally.problem(unansweredInPhase.get() + " requests got no answer while the service was up (" + excuse + ")");
        }
    }

    /** Checks every acknowledged write against Postgres; returns how many are not there. */
    long countLostWrites(OwnPostgres postgres) throws SQLException {
        long lost = 0;
        for (PatchWorker patcher : patchers) {
            lost += patcher.lostIn(postgres);
        }
        for (UploadWorker uploader : uploaders) {
            lost += uploader.lostIn(postgres);
        }
        tally.lostWrites.addAndGet(lost);
        return lost;
    }

    /** Every project and asset the load wrote, for comparing the cache with the database. */
    List<String> projects() {
        List<String> projects = new ArrayList<>();
        patchers.forEach(patcher -> projects.add(patcher.projectId));
        uploaders.forEach(uploader -> projects.add(uploader.projectId));
        return projects;
    }

    List<String> assets() {
        List<String> assets = new ArrayList<>();
        uploaders.forEach(uploader -> assets.addAll(uploader.acknowledged));
        return assets;
    }

    /** Sends one request; the answer, or null when none came (counted as such). */
    private HttpResponse<String> call(Request request) {
        try {
            HttpResponse<String> response = request.send();
            tally.answered(response.statusCode());
            int status = response.statusCode();
            boolean excused = status / 100 == 2 || (status == 503 && excuse != Excuse.NOTHING
                    && response.headers().firstValue("Retry-After").isPresent());
            if (!excused) {
                tally.unexpectedAnswers.incrementAndGet();
                tally.problem(excuse + ": " + status + " " + abbreviate(response.body()));
            }
            return response;
        } catch (IOException e) {
            tally.requests.incrementAndGet();
            tally.unanswered.incrementAndGet();
            unansweredInPhase.incrementAndGet();
            pause();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void stale(String description) {
        tally.staleReads.incrementAndGet();
        tally.problem("stale read: " + description);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    @FunctionalInterface
    private interface Request {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /** PATCHes one quality of its project with new values; the value acknowledged last must be the one stored. */
    private final class PatchWorker implements Runnable {

        private final String projectId;
        private String lastAcknowledged;
        /** Values sent since the last 2xx without an answer: each may have been committed after all. */
        private final List<String> unconfirmed = new ArrayList<>();
        private int sequence;

        PatchWorker(String projectId) {
            this.projectId = projectId;
        }

        @Override
        public void run() {
            while (running) {
                String value = projectId + "-" + sequence++;
                HttpResponse<String> answer = call(() -> client.json("PATCH", "/api/projects/" + projectId + "/qualities",
                        "{\"mood\": \"" + value + "\"}"));
                if (answer == null || answer.statusCode() != 200) {
                    unconfirmed.add(value);
                    continue;
                }
                tally.acknowledgedWrites.incrementAndGet();
                lastAcknowledged = value;
                unconfirmed.clear();
                long version = read(answer).path("version").asLong();
                HttpResponse<String> readBack = call(() -> client.get("/api/projects/" + projectId + "/qualities"));
                if (readBack != null && readBack.statusCode() == 200 && read(readBack).path("version").asLong() < version) {
                    stale("qualities of " + projectId + " at version " + read(readBack).path("version").asLong()
                            + " after a 2xx at " + version);
                }
            }
        }

        long lostIn(OwnPostgres postgres) throws SQLException {
            if (lastAcknowledged == null) {
                return 0;
            }
            List<String> stored = postgres.queryStrings("SELECT mood FROM project WHERE id = ?", projectId);
            String mood = stored.isEmpty() ? null : stored.get(0);
            if (lastAcknowledged.equals(mood) || unconfirmed.contains(mood)) {
                return 0;
            }
            tally.problem("lost write: " + projectId + " holds mood " + mood + ", acknowledged " + lastAcknowledged);
            return 1;
        }
    }

    /** Uploads new assets to its project; every acknowledged one must be readable, listed and stored. */
    private final class UploadWorker implements Runnable {

        private final String projectId;
        private final List<String> acknowledged = new ArrayList<>();
        private final Random random = new Random();

        UploadWorker(String projectId) {
            this.projectId = projectId;
        }

        @Override
        public void run() {
            int uploads = 0;
            while (running) {
                String id = UUID.randomUUID().toString();
                String body = JSON.valueToTree(Map.of("id", id, "projectId", projectId, "assetId", "fault-asset",
                        "imageBlob", Base64.getEncoder().encodeToString(randomPng(random, IMAGE_SIDE)),
                        "status", "approved", "seed", 1, "promptUsed", "fault suite", "metadata", Map.of())).toString();
                HttpResponse<String> answer = call(() -> client.json("POST", "/api/generated-assets", body));
                if (answer == null || answer.statusCode() != 200) {
                    continue;
                }
                tally.acknowledgedWrites.incrementAndGet();
                acknowledged.add(id);
                long version = read(answer).path("asset").path("version").asLong();
                HttpResponse<String> readBack = call(() -> client.get("/api/generated-assets/" + id));
                if (readBack != null && (readBack.statusCode() == 404
                        || readBack.statusCode() == 200 && read(readBack).path("version").asLong() < version)) {
                    stale("asset " + id + " answered " + readBack.statusCode() + " after a 2xx upload at version " + version);
                }
                if (++uploads % LIST_CHECK_EVERY == 0) {
                    checkList();
                }
            }
        }

        private void checkList() {
            HttpResponse<String> list = call(() -> client.get("/api/projects/" + projectId + "/generated-assets"));
            if (list == null || list.statusCode() != 200) {
                return;
            }
            List<String> listed = new ArrayList<>();
            read(list).path("assets").forEach(asset -> listed.add(asset.path("id").asText()));
            List<String> missing = acknowledged.stream().filter(id -> !listed.contains(id)).toList();
            if (!missing.isEmpty()) {
                stale("the assets of " + projectId + " miss " + missing.size() + " acknowledged uploads");
            }
        }

        long lostIn(OwnPostgres postgres) throws SQLException {
            List<String> stored = postgres.queryStrings("SELECT id FROM generated_asset WHERE project_id = ?", projectId);
            List<String> lost = acknowledged.stream().filter(id -> !stored.contains(id)).toList();
            if (!lost.isEmpty()) {
                tally.problem("lost writes: " + lost.size() + " acknowledged uploads of " + projectId + " are not stored");
            }
            return lost.size();
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG of random pixels: unique, and a real image that decodes. */
    static byte[] randomPng(Random random, int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
