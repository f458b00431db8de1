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
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeEventsTest {

    private static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(1);
    private static final Duration CONNECT_DEADLINE = Duration.ofSeconds(10);
    /** The change listener reconnects after asset-hatch.events.listener-reconnect-delay (1 s) and catches up. */
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(5);
    private static final Duration QUIET_PERIOD = Duration.ofMillis(500);

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource postgres;

    @Inject
    ChangeLog changeLog;

    private final HttpClient http = HttpClient.newHttpClient();
    private CompletableFuture<HttpResponse<Stream<String>>> stream;

    /** One received SSE event. */
    record Event(String name, String id, JsonNode data) {
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
        BlockingQueue<Event> events = subscribe(projectId, Optional.empty());
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
    void aChangeCommittedWithoutThisServiceArrives() throws Exception {
        String projectId = Api.createProject(TestIds.projectId());
        BlockingQueue<Event> events = subscribe(projectId, Optional.empty());
        assertThat(next(events, CONNECT_DEADLINE).name()).isEqualTo("connected");

        // As another instance commits: nothing in this process sends anything, the commit alone must reach the client.
        execute("UPDATE project SET mood = 'tense' WHERE id = ?", projectId);

        Event event = next(events, DELIVERY_DEADLINE);
        assertThat(event.name()).isEqualTo("qualities");
        assertThat(event.data().at("/data/qualities/mood").asText()).isEqualTo("tense");
    }

    @Test
    void aReconnectingClientGetsWhatItMissedInOrderThenLiveChangesWithoutRepeats() throws Exception {
        String projectId = Api.createProject(TestIds.projectId());
        BlockingQueue<Event> first = subscribe(projectId, Optional.empty());
        Event connected = next(first, CONNECT_DEADLINE);
        closeStream();

        Api.patchQualities(projectId, "{\"theme\": \"farm\"}").statusCode(200);
        saveMemoryFile(projectId, "# Plan\n- Farmer");
        String keptAsset = UUID.randomUUID().toString();
        Api.uploadAsset(Api.originalApprovalBody(keptAsset, projectId, projectId + "-asset-0", TestImages.png(2, 2)))
                .statusCode(200);
        String deletedAsset = UUID.randomUUID().toString();
        Api.uploadAsset(Api.originalApprovalBody(deletedAsset, projectId, projectId + "-asset-1", TestImages.png(3, 3)))
                .statusCode(200);
        given().when().delete("/api/generated-assets/{id}", deletedAsset).then().statusCode(200);

        BlockingQueue<Event> resumed = subscribe(projectId, Optional.of(connected.id()));
        assertThat(next(resumed, CONNECT_DEADLINE).name()).isEqualTo("connected");
        List<Event> missed = List.of(next(resumed, DELIVERY_DEADLINE), next(resumed, DELIVERY_DEADLINE),
                next(resumed, DELIVERY_DEADLINE), next(resumed, DELIVERY_DEADLINE));
        assertThat(missed).extracting(Event::name).containsExactly("qualities", "memory-file", "asset", "asset");
        assertThat(missed.get(2).data().at("/data/id").asText()).isEqualTo(keptAsset);
        // Uploaded and deleted while the client was away: one event, the deletion.
        assertThat(missed.get(3).data().at("/data/id").asText()).isEqualTo(deletedAsset);
        assertThat(missed.get(3).data().at("/data/deleted").asBoolean()).isTrue();
        assertThat(missed).extracting(event -> Long.parseLong(event.id())).isSorted()
                .allMatch(version -> version > Long.parseLong(connected.id()));

        Api.patchQualities(projectId, "{\"mood\": \"calm\"}").statusCode(200);
        Event live = next(resumed, DELIVERY_DEADLINE);
        assertThat(live.name()).isEqualTo("qualities");
        assertThat(live.data().at("/data/qualities/mood").asText()).isEqualTo("calm");
        assertThat(resumed.poll(QUIET_PERIOD.toMillis(), TimeUnit.MILLISECONDS)).as("no repeated event").isNull();
    }

    @Test
    void theLastEventIdQueryParameterResumesLikeTheHeader() throws Exception {
        String projectId = Api.createProject(TestIds.projectId());
        BlockingQueue<Event> first = subscribe(projectId, Optional.empty());
        Event connected = next(first, CONNECT_DEADLINE);
        closeStream();
        Api.patchQualities(projectId, "{\"theme\": \"farm\"}").statusCode(200);

        BlockingQueue<Event> resumed = subscribe(projectId + "/events?lastEventId=" + connected.id(), Map.of());
        assertThat(next(resumed, CONNECT_DEADLINE).name()).isEqualTo("connected");
        assertThat(next(resumed, DELIVERY_DEADLINE).data().at("/data/qualities/theme").asText()).isEqualTo("farm");
    }

    @Test
    void aChangeCommittedWhileTheListenerIsCutOffStillArrives() throws Exception {
        String projectId = Api.createProject(TestIds.projectId());
        BlockingQueue<Event> events = subscribe(projectId, Optional.empty());
        assertThat(next(events, CONNECT_DEADLINE).name()).isEqualTo("connected");

        // The publisher dies between the commit and the publish: the notification of this commit goes nowhere.
        assertThat(terminateChangeListener()).as("the change listener's connections terminated").isPositive();
        Api.patchQualities(projectId, "{\"perspective\": \"top-down\"}").statusCode(200);

        Event event = next(events, RECOVERY_DEADLINE);
        assertThat(event.name()).isEqualTo("qualities");
        assertThat(event.data().at("/data/qualities/perspective").asText()).isEqualTo("top-down");
    }

    @Test
    void aChangeThatCommitsLateIsNotSkippedByALaterOne() throws Exception {
        String projectId = Api.createProject(TestIds.projectId());
        BlockingQueue<Event> events = subscribe(projectId, Optional.empty());
        assertThat(next(events, CONNECT_DEADLINE).name()).isEqualTo("connected");

        // Another writer draws its version first and commits last; the PATCH meanwhile must not overtake it.
        try (Connection slowWriter = postgres.getConnection()) {
            slowWriter.setAutoCommit(false);
            try (PreparedStatement insert = slowWriter.prepareStatement(
                    "INSERT INTO memory_file (id, project_id, type, content) VALUES (?, ?, 'entities.json', '# Late plan')")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, projectId);
                insert.executeUpdate();
            }
            CompletableFuture<Integer> patch = CompletableFuture.supplyAsync(() ->
                    Api.patchQualities(projectId, "{\"mood\": \"eager\"}").extract().statusCode());
            Thread.sleep(QUIET_PERIOD.toMillis());
            slowWriter.commit();
            assertThat(patch.get(CONNECT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(200);
        }

        Event first = next(events, DELIVERY_DEADLINE);
        Event second = next(events, DELIVERY_DEADLINE);
        assertThat(List.of(first.name(), second.name())).containsExactly("memory-file", "qualities");
        assertThat(Long.parseLong(first.id())).isLessThan(Long.parseLong(second.id()));
    }

    @Test
    void aLastEventIdThatCannotBeReplayedAsksTheClientToResync() throws Exception {
        String projectId = Api.createProject(TestIds.projectId());
        Api.patchQualities(projectId, "{\"theme\": \"farm\"}").statusCode(200);
        long versionBefore = latestVersion(projectId);
        Api.patchQualities(projectId, "{\"theme\": \"space\"}").statusCode(200);
        changeLog.prune(Duration.ZERO).await().atMost(CONNECT_DEADLINE);

        for (String lastEventId : List.of(String.valueOf(versionBefore), "not-a-version", "999999999999")) {
            BlockingQueue<Event> events = subscribe(projectId, Optional.of(lastEventId));
            Event connected = next(events, CONNECT_DEADLINE);
            assertThat(connected.name()).isEqualTo("connected");
            Event resync = next(events, DELIVERY_DEADLINE);
            assertThat(resync.name()).as("after Last-Event-ID " + lastEventId).isEqualTo("resync");
            assertThat(resync.id()).isEqualTo(connected.id());
            closeStream();
        }
    }

    @Test
    void anUnknownProjectIsA404NotAnEmptyStream() {
        given().accept("text/event-stream").when().get("/api/projects/{id}/events", "no-such-project")
                .then().statusCode(404).body("error", equalTo("Project not found"));
    }

    private BlockingQueue<Event> subscribe(String projectId, Optional<String> lastEventId) {
        return subscribe(projectId + "/events", lastEventId.map(id -> Map.of("Last-Event-ID", id)).orElse(Map.of()));
    }

    /** Opens {@code /api/projects/<path>} as an event stream; the events arrive in the returned queue. */
    private BlockingQueue<Event> subscribe(String path, Map<String, String> headers) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + RestAssured.port + "/api/projects/" + path))
                .header("Accept", "text/event-stream")
                .header("Authorization", TestCredentials.bearer(TestUsers.DEFAULT_USER));
        headers.forEach(request::header);
        stream = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        stream.thenAcceptAsync(response -> collect(response.body(), events));
        return events;
    }

    /** Turns SSE lines into events: an event ends at its blank line; comments (keep-alives) are skipped. */
    private void collect(Stream<String> lines, BlockingQueue<Event> events) {
        String[] nameAndId = {null, null};
        StringBuilder data = new StringBuilder();
        lines.forEach(line -> {
            if (line.startsWith("event:")) {
                nameAndId[0] = line.substring("event:".length()).trim();
            } else if (line.startsWith("id:")) {
                nameAndId[1] = line.substring("id:".length()).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring("data:".length()).trim());
            } else if (line.isEmpty() && nameAndId[0] != null) {
                try {
                    events.add(new Event(nameAndId[0], nameAndId[1], json.readTree(data.toString())));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                nameAndId[0] = null;
                nameAndId[1] = null;
                data.setLength(0);
            }
        });
    }

    private static Event next(BlockingQueue<Event> events, Duration deadline) throws InterruptedException {
        Event event = events.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within " + deadline.toMillis() + " ms").isNotNull();
        return event;
    }

    private static void saveMemoryFile(String projectId, String content) {
        given().contentType(ContentType.JSON).body(Map.of("type", "entities.json", "content", content))
                .when().post("/api/projects/{id}/memory-files", projectId).then().statusCode(200);
    }

    private static long latestVersion(String projectId) {
        return Api.getQualities(projectId).statusCode(200).extract().<Number>path("version").longValue();
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (Connection connection = postgres.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    /** Ends the service's LISTEN connection as a network failure or a Postgres restart would; how many it ended. */
    private int terminateChangeListener() throws SQLException {
        try (Connection connection = postgres.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            statement.setString(1, ChangeListener.APPLICATION_NAME);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
