package com.assethatch.project.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.OwnRedisProfile;
import com.assethatch.project.support.OwnRedisServer;
import com.assethatch.project.support.Stores;
import com.assethatch.project.support.TestIds;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(OwnRedisProfile.class)
class RedisOutageTest {

    private static final Duration REPAIR_DEADLINE = Duration.ofSeconds(15);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);
    private static final int CALLS_TO_TRIP_THE_BREAKER = 20;
    private static final int READS_AFTER_TRIP = 10;

    @Inject
    Stores stores;

    @AfterEach
    void redisRunsAgain() {
        OwnRedisServer redis = OwnRedisServer.current();
        redis.thaw();
        redis.stopServer();
        redis.startServer();
    }

    @Test
    void aHangingRedisIsCutOffSoReadsStopWaitingForIt() {
        OwnRedisServer redis = OwnRedisServer.current();
        String projectId = Api.createProject(TestIds.projectId());
        Api.patchQualities(projectId, "{\"theme\": \"Farm\"}").statusCode(200);

        redis.freeze();
        for (int i = 0; i < CALLS_TO_TRIP_THE_BREAKER; i++) {
            Api.getQualities(projectId).statusCode(200).body("qualities.theme", equalTo("Farm"));
        }
        // Without the breaker each of these reads would wait for two Redis timeouts (get, then fill).
        long started = System.nanoTime();
        for (int i = 0; i < READS_AFTER_TRIP; i++) {
            Api.getQualities(projectId).statusCode(200).body("qualities.theme", equalTo("Farm"));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(elapsed).isLessThan(COMMAND_TIMEOUT.multipliedBy(READS_AFTER_TRIP));

        redis.thaw();
        await().atMost(REPAIR_DEADLINE).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'cache-tier' }.data.redis", equalTo("up")));
    }

    @Test
    void writesSucceedWhileRedisIsDownAndTheRelayRepairsTheCacheWithoutAnyRequest() {
        OwnRedisServer redis = OwnRedisServer.current();
        String projectId = Api.createProject(TestIds.projectId());
        Api.patchQualities(projectId, "{\"perspective\": \"top-down\"}").statusCode(200);
        assertThat(stores.cachedProject(projectId)).get()
                .extracting(cached -> cached.payload().at("/qualities/perspective").asText()).isEqualTo("top-down");

        redis.stopServer();

        int version = Api.patchQualities(projectId, "{\"perspective\": \"side-view\"}").statusCode(200)
                .body("qualities.perspective", equalTo("side-view"))
                .extract().path("version");
        Api.getQualities(projectId).statusCode(200).body("qualities.perspective", equalTo("side-view"));
        assertThat(stores.outboxRows(projectId)).isPositive();
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'cache-tier' }.data.redis", equalTo("down"));

        // Redis comes back from its append-only file holding the old "top-down" entry, unless the relay (every 0.5 s
        // here) repaired it between the restart and this read: both are fine, never a newer or a missing entry.
        redis.startServer();
        assertThat(stores.cachedProject(projectId)).get().extracting(Stores.Cached::version)
                .matches(cachedVersion -> cachedVersion <= version, "the old entry or the repaired one");

        // The relay repairs it on its own: no request touches the project meanwhile.
        await().atMost(REPAIR_DEADLINE).untilAsserted(() -> {
            Stores.Cached cached = stores.cachedProject(projectId).orElseThrow();
            assertThat(cached.version()).isEqualTo(version);
            assertThat(cached.payload().at("/qualities/perspective").asText()).isEqualTo("side-view");
        });
        await().atMost(REPAIR_DEADLINE).until(() -> stores.outboxRows(projectId) == 0);
        Api.getQualities(projectId).statusCode(200).body("qualities.perspective", equalTo("side-view"));
    }

    @Test
    void theRelayRepairsAChangeWhoseWriteThroughNeverRan() {
        String projectId = Api.createProject(TestIds.projectId());
        Api.patchQualities(projectId, "{\"color_palette\": \"Retro\"}").statusCode(200);

        // As if an instance crashed between its commit and its Redis write: a change made in plain SQL is
        // versioned and owes its outbox row by the schema's triggers alone; no instance remembers it.
        stores.execute("UPDATE project SET color_palette = 'Vibrant' WHERE id = ?", projectId);

        await().atMost(REPAIR_DEADLINE).untilAsserted(() -> assertThat(stores.cachedProject(projectId)).get()
                .extracting(cached -> cached.payload().at("/qualities/colorPalette").asText()).isEqualTo("Vibrant"));
        assertThat(stores.outboxRows(projectId)).isZero();
    }
}
