package com.assethatch.e2e.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * HTTP to project-service wherever it runs now (a restart may move it to another port), with the credentials every
 * API route needs.
 */
final class ServiceClient {

    /** Longer than any fault lasts: a request that waits out a paused dependency still gets its answer. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<Map<String, String>> credentials;
    private volatile String origin;

    ServiceClient(String origin, Supplier<Map<String, String>> credentials) {
        this.origin = origin;
        this.credentials = credentials;
    }

    void moveTo(String origin) {
        this.origin = origin;
    }

    String origin() {
        return origin;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** A GET whose body is bytes (an image), not text. */
    HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> json(String method, String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + path)).timeout(REQUEST_TIMEOUT);
        credentials.get().forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
