package com.assethatch.project.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.Stores;
import com.assethatch.project.support.TestIds;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QualitiesConsistencyTest {

    private static final int CONCURRENT_WRITERS = 48;

    @Inject
    Stores stores;

    @Test
    void perspectiveWrittenOnceReadsTheSameFromCacheAndAfterAFlushFromPostgres() {
        String projectId = Api.createProject(TestIds.projectId());

        int version = Api.patchQualities(projectId, "{\"perspective\": \"side-view\"}")
                .statusCode(200)
                .body("qualities.perspective", equalTo("side-view"))
                .extract().path("version");

        // The cache tier holds exactly the committed version...
        Stores.Cached cached = stores.cachedProject(projectId).orElseThrow();
        assertThat(cached.version()).isEqualTo(version);
        assertThat(cached.payload().at("/qualities/perspective").asText()).isEqualTo("side-view");
        Api.getQualities(projectId).statusCode(200)
                .header("ETag", "\"" + version + "\"")
                .body("qualities.perspective", equalTo("side-view"));

        // ...and with Redis emptied the read comes from Postgres, which says the same and refills the cache.
        stores.flushRedis();
        Api.getQualities(projectId).statusCode(200)
                .body("version", equalTo(version))
                .body("qualities.perspective", equalTo("side-view"));
        assertThat(stores.projectRow(projectId)).containsEntry("perspective", "side-view");
        assertThat(stores.cachedProject(projectId)).get().extracting(Stores.Cached::version).isEqualTo((long) version);
    }

    @Test
    void partialUpdatesKeepOtherQualitiesAndNullClearsOne() {
        String projectId = Api.createProject(TestIds.projectId());
        Api.patchQualities(projectId, "{\"art_style\": \"Pixel Art (16-bit)\", \"mood\": \"cozy\"}").statusCode(200);

        Api.patchQualities(projectId, "{\"mood\": null, \"theme\": \"  Farm  \"}").statusCode(200)
                .body("qualities.art_style", equalTo("Pixel Art (16-bit)"))
                .body("qualities.mood", equalTo(null))
                .body("qualities.theme", equalTo("Farm"));

        assertThat(stores.projectRow(projectId))
                .containsEntry("art_style", "Pixel Art (16-bit)")
                .containsEntry("mood", null)
                .containsEntry("theme", "Farm");
    }

    @Test
    void ifMatchWithTheCurrentVersionApplies() {
        String projectId = Api.createProject(TestIds.projectId());
        String etag = Api.getQualities(projectId).statusCode(200).extract().header("ETag");

        io.restassured.RestAssured.given().contentType("application/json").header("If-Match", etag)
                .body("{\"game_genre\": \"Platformer\"}")
                .when().patch("/api/projects/{id}/qualities", projectId)
                .then().statusCode(200).body("qualities.game_genre", equalTo("Platformer"));
    }

    @Test
    void concurrentPatchesLeaveTheCacheEqualToPostgresAtTheHighestVersion() throws Exception {
        String projectId = Api.createProject(TestIds.projectId());
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Callable<Integer>> patches = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_WRITERS; i++) {
            String body = "{\"mood\": \"mood-" + i + "\", \"theme\": \"theme-" + (i % 7) + "\"}";
            patches.add(() -> Api.patchQualities(projectId, body).statusCode(200).extract().path("version"));
        }
        List<Integer> versions = new ArrayList<>();
        try {
            for (Future<Integer> result : clients.invokeAll(patches)) {
                versions.add(result.get());
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(versions).doesNotHaveDuplicates().hasSize(CONCURRENT_WRITERS);
        long highest = versions.stream().mapToLong(Integer::longValue).max().orElseThrow();
        var row = stores.projectRow(projectId);
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(highest);

        Stores.Cached cached = stores.cachedProject(projectId).orElseThrow();
        assertThat(cached.version()).isEqualTo(highest);
        assertThat(cached.payload().at("/qualities/mood").asText()).isEqualTo(row.get("mood"));
        assertThat(cached.payload().at("/qualities/theme").asText()).isEqualTo(row.get("theme"));
        Api.getQualities(projectId).statusCode(200)
                .body("qualities.mood", equalTo(row.get("mood")))
                .body("version", equalTo((int) highest));
    }
}
