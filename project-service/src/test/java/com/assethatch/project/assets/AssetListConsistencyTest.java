package com.assethatch.project.assets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.Stores;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many clients upload and approve assets of one project while others read its list and the cache is
 * flushed under them: no read may miss an upload or an approval that had completed before it began.
 */
@QuarkusTest
class AssetListConsistencyTest {

    private static final int WRITERS = 6;
    private static final int UPLOADS_PER_WRITER = 12;
    private static final int READERS = 4;
    /** Long enough for warm reads between flushes, so a wrongly completed index would be read. */
    private static final long FLUSH_INTERVAL_MILLIS = 120;

    @Inject
    Stores stores;

    /** When each upload and each approval completed (System.nanoTime), by asset id. */
    private final Map<String, Long> uploadedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> approvedAt = new ConcurrentHashMap<>();

    @Test
    void noReaderEverMissesACompletedWriteAndCacheAndDatabaseAgreeAtTheEnd() throws Exception {
        String projectId = Api.createProject(TestIds.projectId());
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<Future<?>> writers = new ArrayList<>();
        List<Future<?>> others = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> write(projectId, writer)));
            }
            for (int r = 0; r < READERS; r++) {
                others.add(pool.submit(() -> {
                    while (writing.get()) {
                        readAndCheck(projectId);
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            others.add(pool.submit(() -> {
                while (writing.get()) {
                    stores.flushRedis(); // a cold cache, again and again
                    Thread.sleep(FLUSH_INTERVAL_MILLIS);
                }
                return null;
            }));
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> other : others) {
                other.get(1, TimeUnit.MINUTES);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }

        assertThat(reads.get()).as("reads made while writing").isGreaterThan(10);
        readAndCheck(projectId);
        assertCacheEqualsDatabase(projectId);
    }

    private Void write(String projectId, int writer) {
        for (int i = 0; i < UPLOADS_PER_WRITER; i++) {
            String id = projectId + "-w" + writer + "-" + i;
            given().contentType(ContentType.JSON)
                    .body(Map.of("id", id, "projectId", projectId, "assetId", projectId + "-asset-" + i,
                            "imageBlob", TestImages.base64(TestImages.png(4, 4)), "status", "generated"))
                    .when().post("/api/generated-assets").then().statusCode(200);
            uploadedAt.put(id, System.nanoTime());
            if (i % 2 == 0) {
                given().contentType(ContentType.JSON).body(Map.of("status", "approved"))
                        .when().patch("/api/generated-assets/{id}", id).then().statusCode(200);
                approvedAt.put(id, System.nanoTime());
            }
        }
        return null;
    }

    private void readAndCheck(String projectId) {
        long startedAt = System.nanoTime();
        JsonPath list = given().when().get("/api/projects/{id}/generated-assets", projectId)
                .then().statusCode(200).extract().jsonPath();
        Map<String, String> statusById = new HashMap<>();
        List<Map<String, Object>> assets = list.getList("assets");
        assets.forEach(asset -> statusById.put((String) asset.get("id"), (String) asset.get("status")));

        List<String> missing = uploadedAt.entrySet().stream()
                .filter(upload -> upload.getValue() < startedAt && !statusById.containsKey(upload.getKey()))
                .map(Map.Entry::getKey).toList();
        assertThat(missing).as("uploads completed before the read began but missing from it").isEmpty();
        List<String> notApproved = approvedAt.entrySet().stream()
                .filter(approval -> approval.getValue() < startedAt && !"approved".equals(statusById.get(approval.getKey())))
                .map(Map.Entry::getKey).toList();
        assertThat(notApproved).as("approvals completed before the read began but not shown").isEmpty();
    }

    private void assertCacheEqualsDatabase(String projectId) {
        Map<String, String> cached = stores.rawHash(stores.key("project:" + projectId + ":assets")).entrySet().stream()
                .filter(field -> !field.getKey().startsWith("__"))
                .collect(Collectors.toMap(Map.Entry::getKey, field -> field.getValue().substring(0, field.getValue().indexOf(':'))));
        Map<String, String> database = new HashMap<>();
        stores.queryAll("SELECT id, version::text AS version FROM generated_asset WHERE project_id = ?", projectId)
                .forEach(row -> database.put((String) row.get("id"), (String) row.get("version")));
        assertThat(database).hasSize(WRITERS * UPLOADS_PER_WRITER);
        assertThat(cached).isEqualTo(database);
    }
}
