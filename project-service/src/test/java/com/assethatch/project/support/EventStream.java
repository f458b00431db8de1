package com.assethatch.project.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A project's event stream as a browser's EventSource reads it, opened with the given request headers. */
public final class EventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One received SSE event. */
    public record Event(String name, JsonNode data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private EventStream(String projectId, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                "http://localhost:" + RestAssured.port + "/api/projects/" + projectId + "/events"))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> collect(answer.body()));
    }

    public static EventStream open(String projectId, Map<String, String> headers) {
        return new EventStream(projectId, headers);
    }

    /** The next event within the deadline; fails the test when none comes. */
    public Event next(Duration deadline) throws InterruptedException {
        Event event = events.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within " + deadline.toMillis() + " ms").isNotNull();
        return event;
    }

    /** Whatever arrives within the wait, for checking that nothing did. */
    public Event poll(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }

    /** An event ends at its blank line; comments (keep-alives) are skipped. */
    private void collect(Stream<String> lines) {
        String[] name = {null};
        StringBuilder data = new StringBuilder();
        lines.forEach(line -> {
            if (line.startsWith("event:")) {
                name[0] = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring("data:".length()).trim());
            } else if (line.isEmpty() && name[0] != null) {
                try {
                    events.add(new Event(name[0], JSON.readTree(data.toString())));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                name[0] = null;
                data.setLength(0);
            }
        });
    }
}
