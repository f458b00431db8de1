package com.assethatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.e2e.support.LocalAuth;
import com.assethatch.e2e.support.LocalProcesses;
import com.assethatch.e2e.support.LocalProcesses.Running;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway ({@code scripts/gateway}, nginx) in front of both packaged services and a static "frontend": every
 * route reaches its service, the documentation is reachable, the gateway's own errors have the API's error shape,
 * and SSE events and request bodies pass through without buffering.
 */
@ExtendWith(GatewayIT.PrintLogsOnFailure.class)
class GatewayIT {

    private static final Path WORK = Path.of(System.getProperty("e2e.work-dir", "target/e2e"), "gateway").toAbsolutePath();
    private static final long MIB = 1024 * 1024;
    /** gateway/gateway.env's GATEWAY_MAX_BODY_SIZE (64m) and the services' own body limits (32M and 12M). */
    private static final long OVER_THE_GATEWAY_LIMIT = 65 * MIB;
    private static final long OVER_PROJECT_SERVICE_LIMIT_ONLY = 40 * MIB;
    /** Above the 512 MB the original frontend's export body may reach. */
    private static final long EXPORT_BODY = 600 * MIB;
    private static final Duration EVENT_DEADLINE = Duration.ofSeconds(2);
    private static final String FRONTEND_PAGE = "<!doctype html><title>frontend</title><p>the frontend's page</p>";

    private static LocalProcesses processes;
    private static Running project;
    private static Running export;
    private static Running frontend;
    private static Running gateway;
    private static HttpServer sink;
    private static final AtomicLong sinkBytes = new AtomicLong();
    private static final AtomicLong sinkFirstByteNanos = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startServicesFrontendAndGateway() throws Exception {
        processes = new LocalProcesses(WORK);
        project = processes.startProjectService(Map.of());
        export = processes.startExportService(Map.of());
        Path site = Files.createDirectories(WORK.resolve("frontend"));
        Files.writeString(site.resolve("index.html"), FRONTEND_PAGE);
        frontend = processes.startStaticServer("frontend", site);
        gateway = processes.startGateway("gateway", "127.0.0.1:" + project.port(), "127.0.0.1:" + export.port(),
                frontend.origin(), Map.of());
        sink = byteCountingSink();
    }

    @AfterAll
    static void stopAll() {
        if (sink != null) {
            sink.stop(0);
        }
        if (processes != null) {
            processes.close();
        }
    }

    @Test
    void exportRoutesReachExportServiceAndEveryOtherApiRouteProjectService() throws Exception {
        // Only export-service knows .../export (its "Project not found"); project-service has no such route.
        assertError(send("GET", "/api/projects/no-such-project/export"), 404, "Project not found");
        assertError(send("GET", "/api/projects/no-such-project/export/manifest"), 404, "Project not found");
        assertError(send("POST", "/api/export", "{}"), 400, "Project ID is required");
        // Parsing names one of the caller's projects.
        String planned = "gw-plan-" + System.nanoTime();
        assertThat(send("POST", "/api/projects", "{\"id\": \"" + planned + "\", \"name\": \"Plan\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> parsed = http.send(request("/api/plans/parse?projectId=" + planned)
                .header("Content-Type", "text/markdown").POST(BodyPublishers.ofString("## Props\n- Barrel")).build(),
                BodyHandlers.ofString());
        assertThat(parsed.statusCode()).as(parsed.body()).isEqualTo(200);
        assertThat(json.readTree(parsed.body()).at("/assets/0/id").asText()).isEqualTo(planned + "-asset-0");
        // And only project-service knows qualities and projects.
        assertError(send("GET", "/api/projects/no-such-project/qualities"), 404, "Project not found");
        HttpResponse<String> list = send("GET", "/api/projects?limit=1");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json.readTree(list.body()).get("success").asBoolean()).isTrue();
    }

    @Test
    void withoutACredentialEveryApiRouteIs401WithItsChallengeAndTheSessionCookieIsEnough() throws Exception {
        for (String path : List.of("/api/projects", "/api/projects/p/export/manifest")) {
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(gateway.uri(path))
                    .timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
            assertError(anonymous, 401, json.readTree(anonymous.body()).path("error").asText());
            assertThat(anonymous.headers().allValues("WWW-Authenticate")).as("challenge of %s", path).isNotEmpty();
        }
        HttpResponse<String> withCookie = http.send(HttpRequest.newBuilder(gateway.uri("/api/projects?limit=1"))
                .timeout(Duration.ofSeconds(30)).header("Cookie", LocalAuth.credentials(LocalAuth.E2E_USER).cookie())
                .build(), BodyHandlers.ofString());
        assertThat(withCookie.statusCode()).as(withCookie.body()).isEqualTo(200);
    }

    @Test
    void bothSwaggerUisAndSpecsAreReachableUnderTheirOwnPaths() throws Exception {
        for (String service : List.of("project-service", "export-service")) {
            HttpResponse<String> spec = send("GET", "/docs/" + service + "/openapi?format=json");
            assertThat(spec.statusCode()).isEqualTo(200);
            assertThat(json.readTree(spec.body()).at("/info/title").asText()).isEqualTo("Asset Hatch " + service);
            HttpResponse<String> ui = send("GET", "/docs/" + service + "/swagger-ui/");
            assertThat(ui.statusCode()).isEqualTo(200);
            assertThat(ui.body()).as("the UI loads the spec next to it: /docs/%s/openapi", service)
                    .contains("url: '../openapi'");
            HttpResponse<String> shortcut = send("GET", "/docs/" + service);
            assertThat(shortcut.statusCode()).isEqualTo(302);
            assertThat(shortcut.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/docs/" + service + "/swagger-ui/"));
        }
    }

    @Test
    void everyOtherPathGoesToTheFrontend() throws Exception {
        HttpResponse<String> page = send("GET", "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(FRONTEND_PAGE);
        assertThat(send("GET", "/index.html").body()).isEqualTo(FRONTEND_PAGE);
    }

    @Test
    void aBodyOverTheGatewaysLimitGets413InTheErrorShape() throws Exception {
        assertError(postZeros("/api/projects", OVER_THE_GATEWAY_LIMIT), 413,
                "Request body too large: the gateway accepts at most 64m on this route");
    }

    @Test
    void aBodyOverTheServicesLimitGetsTheServicesOwn413ThroughTheGateway() throws Exception {
        assertError(postZeros("/api/projects", OVER_PROJECT_SERVICE_LIMIT_ONLY), 413,
                "Request body is 40.0 MB; the limit is 32.0 MB");
    }

    @Test
    void anUpstreamThatIsDownGets502InTheErrorShape() throws Exception {
        int closedPort = LocalProcesses.freePort();
        Running broken = processes.startGateway("gateway-to-nothing", "127.0.0.1:" + closedPort,
                "127.0.0.1:" + closedPort, "http://127.0.0.1:" + closedPort, Map.of());
        try {
            assertError(http.send(HttpRequest.newBuilder(broken.uri("/api/projects/p/export")).build(),
                    BodyHandlers.ofString()), 502, "Bad gateway: export-service is not reachable");
            assertError(http.send(HttpRequest.newBuilder(broken.uri("/api/projects/p/qualities")).build(),
                    BodyHandlers.ofString()), 502, "Bad gateway: project-service is not reachable");
            assertError(http.send(HttpRequest.newBuilder(broken.uri("/")).build(),
                    BodyHandlers.ofString()), 502, "Bad gateway: the frontend is not reachable");
        } finally {
            processes.stop(broken);
        }
    }

    /**
     * POST /api/export takes the original frontend's body, every image as base64: 600 MB pass the gateway to the
     * service as they arrive (the service sees its first bytes while the client still sends), and the gateway writes
     * none of it to its disk. A byte-counting stand-in plays export-service, which has its own limit.
     */
    @Test
    void theExportBodyStreamsThroughTheGatewayUnbufferedAndOnlyThere() throws Exception {
        Running exportGateway = processes.startGateway("gateway-to-sink", "127.0.0.1:" + project.port(),
                "127.0.0.1:" + sink.getAddress().getPort(), frontend.origin(), Map.of());
        try {
            sinkBytes.set(0);
            AtomicLong lastByteSentNanos = new AtomicLong();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(exportGateway.uri("/api/export"))
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(
                            () -> new ZerosThenMark(EXPORT_BODY, lastByteSentNanos)), EXPORT_BODY)).build(),
                    BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(sinkBytes.get()).as("bytes export-service received").isEqualTo(EXPORT_BODY);
            assertThat(sinkFirstByteNanos.get()).as("the service had bytes before the client sent its last one")
                    .isLessThan(lastByteSentNanos.get());
            try (Stream<Path> spooled = Files.walk(processes.gatewayDir(exportGateway).resolve("temp"))) {
                assertThat(spooled.filter(Files::isRegularFile)).as("files the gateway spooled to disk").isEmpty();
            }
            // Every other API route keeps the gateway's smaller limit.
            assertError(http.send(HttpRequest.newBuilder(exportGateway.uri("/api/plans/parse"))
                    .POST(BodyPublishers.ofByteArray(new byte[Math.toIntExact(OVER_THE_GATEWAY_LIMIT)])).build(),
                    BodyHandlers.ofString()), 413, "Request body too large: the gateway accepts at most 64m on this route");
        } finally {
            processes.stop(exportGateway);
        }
    }

    @Test
    void serverSentEventsArriveThroughTheGatewayAtOnce() throws Exception {
        String projectId = "gw-" + System.nanoTime();
        assertThat(send("POST", "/api/projects", "{\"id\": \"" + projectId + "\", \"name\": \"Gateway events\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<Stream<String>> stream = http.send(request("/api/projects/" + projectId + "/events")
                .header("Accept", "text/event-stream").build(), BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Iterator<String> lines = stream.body().iterator();
        awaitEvent(lines, "connected");
        CompletableFuture<Long> qualitiesEvent = CompletableFuture.supplyAsync(() -> {
            awaitEvent(lines, "qualities");
            return System.nanoTime();
        });
        long patched = System.nanoTime();
        assertThat(send("PATCH", "/api/projects/" + projectId + "/qualities", "{\"mood\": \"cosy\"}").statusCode())
                .isEqualTo(200);
        long arrived = qualitiesEvent.get(EVENT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(Duration.ofNanos(arrived - patched)).as("from the PATCH to its event").isLessThan(EVENT_DEADLINE);
        stream.body().close();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static void awaitEvent(Iterator<String> lines, String type) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.equals("event: " + type) || line.equals("event:" + type)) {
                return;
            }
        }
        throw new AssertionError("the stream ended before a " + type + " event");
    }

    /** A request through the gateway, as the e2e user (a Bearer token from scripts/token). */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", LocalAuth.authorization());
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return http.send(request(path).method(method, BodyPublishers.noBody()).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String jsonBody) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(jsonBody)).build(), BodyHandlers.ofString());
    }

    /** A body of {@code bytes} zeros, with its length, as a browser's fetch sends one. */
    private HttpResponse<String> postZeros(String path, long bytes) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(new byte[Math.toIntExact(bytes)])).build(), BodyHandlers.ofString());
    }

    private void assertError(HttpResponse<String> response, int status, String message) throws IOException {
        assertThat(response.statusCode()).as("status of %s: %s", response.uri(), response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("Content-Type of %s", response.uri())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").asText()).as("error of %s", response.uri()).isEqualTo(message);
    }

    /** Plays export-service for POST /api/export: counts the body's bytes and notes when the first one came. */
    private static HttpServer byteCountingSink() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            try (InputStream body = exchange.getRequestBody()) {
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    if (total == 0 && read > 0) {
                        sinkFirstByteNanos.set(System.nanoTime());
                    }
                    total += read;
                }
            }
            sinkBytes.set(total);
            byte[] answer = "{\"received\": true}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** {@code size} zero bytes; notes when the last one was read. */
    private static final class ZerosThenMark extends InputStream {
        private long remaining;
        private final AtomicLong lastByteNanos;

        ZerosThenMark(long size, AtomicLong lastByteNanos) {
            this.remaining = size;
            this.lastByteNanos = lastByteNanos;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int count = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + count, (byte) 0);
            remaining -= count;
            if (remaining == 0) {
                lastByteNanos.set(System.nanoTime());
            }
            return count;
        }
    }

    /** Prints every process's log when a test fails. */
    static final class PrintLogsOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (processes != null) {
                processes.printLogs();
            }
        }
    }
}
