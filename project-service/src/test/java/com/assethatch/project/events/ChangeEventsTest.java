package com.assethatch.project.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.common.auth.testing.TestCredentials;
import com.assethatch.common.auth.testing.TestUsers;
import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeEventsTest {

    private static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(1);
    private static final Duration CONNECT_DEADLINE = Duration.ofSeconds(10);

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "asset-hatch.cache.key-prefix")
    String keyPrefix;

    private final HttpClient http = HttpClient.newHttpClient();
    private CompletableFuture<HttpResponse<Stream<String>>> stream;

    /** One received SSE event. */
    record Event(String name, JsonNode data) {
    }

    @AfterEach
    void closeStream() {
        if (stream != null) {
            stream.thenAccept(response -> response.body().close());
            stream.cancel(true);
        }
    }

    @Test
    void aChangeMadeThroughAnotherConnectionArrivesWithinASecond() throws Exception {
        String projectId = Api.createProject(TestIds.projectId());
        BlockingQueue<Event> events = subscribe(projectId);
        assertThat(next(events, CONNECT_DEADLINE).name()).isEqualTo("connected");

        Api.patchQualities(projectId, "{\"perspective\": \"side-view\"}").statusCode(200);
        Event qualities = next(events, DELIVERY_DEADLINE);
        assertThat(qualities.name()).isEqualTo("qualities");
        assertThat(qualities.data().at("/data/qualities/perspective").asText()).isEqualTo("side-view");

        given().contentType(ContentType.JSON).body(Map.of("type", "entities.json", "content", "# Plan\n- Farmer"))
                .when().post("/api/projects/{id}/memory-files", projectId).then().statusCode(200);
        assertThat(next(events, DELIVERY_DEADLINE).name()).isEqualTo("memory-file");

        String assetId = UUID.randomUUID().toString();
        Api.uploadAsset(Api.originalApprovalBody(assetId, projectId, projectId + "-asset-0", TestImages.png(2, 2)))
                .statusCode(200);
        Event asset = next(events, DELIVERY_DEADLINE);
        assertThat(asset.name()).isEqualTo("asset");
        assertThat(asset.data().at("/data/status").asText()).isEqualTo("approved");

        given().when().delete("/api/projects/{id}", projectId).then().statusCode(200);
        assertThat(next(events, DELIVERY_DEADLINE).name()).isEqualTo("project-deleted");
    }

    @Test
    void changesPublishedByAnotherInstanceReachThisInstancesClients() throws Exception {
        String projectId = Api.createProject(TestIds.projectId());
        BlockingQueue<Event> events = subscribe(projectId);
        assertThat(next(events, CONNECT_DEADLINE).name()).isEqualTo("connected");

        // What another instance publishes after its commit: an envelope with its own origin and the project's owner.
        String envelope = json.writeValueAsString(Map.of("origin", "another-instance", "owner", TestUsers.DEFAULT_USER, "event",
                Map.of("type", "qualities", "projectId", projectId, "version", 999_999, "data", Map.of("mood", "tense"))));
        redis.pubsub(String.class).publish(keyPrefix + ":changes", envelope);

        Event event = next(events, DELIVERY_DEADLINE);
        assertThat(event.name()).isEqualTo("qualities");
        assertThat(event.data().at("/data/mood").asText()).isEqualTo("tense");
    }

    @Test
    void anUnknownProjectIsA404NotAnEmptyStream() {
        given().accept("text/event-stream").when().get("/api/projects/{id}/events", "no-such-project")
                .then().statusCode(404).body("error", equalTo("Project not found"));
    }

    private BlockingQueue<Event> subscribe(String projectId) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + RestAssured.port + "/api/projects/" + projectId + "/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", TestCredentials.bearer(TestUsers.DEFAULT_USER)).build();
        stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        stream.thenAcceptAsync(response -> collect(response.body(), events));
        return events;
    }

    /** Turns SSE lines into events: an event ends at its blank line; comments (keep-alives) are skipped. */
    private void collect(Stream<String> lines, BlockingQueue<Event> events) {
        String[] name = {null};
        StringBuilder data = new StringBuilder();
        lines.forEach(line -> {
            if (line.startsWith("event:")) {
                name[0] = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring("data:".length()).trim());
            } else if (line.isEmpty() && name[0] != null) {
                try {
                    events.add(new Event(name[0], json.readTree(data.toString())));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                name[0] = null;
                data.setLength(0);
            }
        });
    }

    private static Event next(BlockingQueue<Event> events, Duration deadline) throws InterruptedException {
        Event event = events.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within " + deadline.toMillis() + " ms").isNotNull();
        return event;
    }
}
