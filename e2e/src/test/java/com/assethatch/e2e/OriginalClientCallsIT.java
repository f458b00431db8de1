package com.assethatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.e2e.support.LocalAuth;
import com.assethatch.e2e.support.LocalProcesses;
import com.assethatch.e2e.support.LocalProcesses.Running;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Issue 12's table, one test per row: the calls the original app's newest client makes that the services did not
 * answer before, each sent exactly as that client sends it (UPSTREAM_CONTRACTS.md §6) through the gateway
 * ({@code scripts/gateway}) in front of both packaged services, as the e2e user.
 */
@ExtendWith(OriginalClientCallsIT.PrintLogsOnFailure.class)
class OriginalClientCallsIT {

    private static final Path WORK = Path.of(System.getProperty("e2e.work-dir", "target/e2e"), "original-client")
            .toAbsolutePath();
    private static final long MIB = 1024 * 1024;
    /** The floor for POST /api/export bodies (every image as base64), plus some. */
    private static final long LARGE_EXPORT_BODY = 520 * MIB;
    private static final String PLAN = "# Plan\n## Items & Props\n- Health Potion\n";

    private static LocalProcesses processes;
    private static Running gateway;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startServicesAndGateway() throws Exception {
        processes = new LocalProcesses(WORK);
        Running project = processes.startProjectService(Map.of());
        Running export = processes.startExportService(Map.of());
        gateway = processes.startGateway("gateway", "127.0.0.1:" + project.port(), "127.0.0.1:" + export.port(),
                "http://127.0.0.1:" + LocalProcesses.freePort(), Map.of());
    }

    @AfterAll
    static void stopAll() {
        if (processes != null) {
            processes.close();
        }
    }

    /** Row 1: {@code POST /api/projects} with {name, mode, startWith}; the dialog reads projectId and gameId. */
    @Test
    void createWithNameModeAndStartWithAnswersProjectIdAndGameId() throws Exception {
        HttpResponse<String> created = send("POST", "/api/projects",
                "{\"name\": \"Dungeon Crawler\", \"mode\": \"3d\", \"startWith\": \"assets\"}");
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 299);
        JsonNode body = json.readTree(created.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("projectId").asText()).isNotBlank().isEqualTo(body.at("/project/id").asText());
        assertThat(body.has("gameId")).as("gameId is present").isTrue();
        assertThat(body.get("gameId").isNull()).isTrue();
        assertThat(body.at("/project/mode").asText()).isEqualTo("3d");

        HttpResponse<String> unknownMode = send("POST", "/api/projects",
                "{\"name\": \"Flatland\", \"mode\": \"4d\", \"startWith\": \"assets\"}");
        assertError(unknownMode, 400, "mode must be one of: 2d, 3d, hybrid");
        assertThat(json.readTree(unknownMode.body()).at("/details/0/field").asText()).isEqualTo("mode");
    }

    /** Row 2: {@code GET /api/projects/{id}}; the planning page reads project.mode and project.gameId. */
    @Test
    void getReturnsModeAndGameId() throws Exception {
        String projectId = createProject("{\"name\": \"Both\", \"mode\": \"hybrid\", \"startWith\": \"game\"}");
        HttpResponse<String> read = send("GET", "/api/projects/" + projectId);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode project = json.readTree(read.body()).get("project");
        assertThat(project.get("mode").asText()).isEqualTo("hybrid");
        assertThat(project.has("gameId")).as("gameId is present").isTrue();
        assertThat(project.get("gameId").isNull()).isTrue();

        String defaulted = createProject("{\"name\": \"Plain\"}");
        assertThat(json.readTree(send("GET", "/api/projects/" + defaulted).body()).at("/project/mode").asText())
                .isEqualTo("2d");
    }

    /**
     * Row 3: {@code POST /api/export} with {projectId, assets: [{id, imageBlob}]}: the images are already stored, so
     * the answer is the ZIP of the stored image; and a body over 512 MB is taken on this route, projectId read and
     * the rest skipped.
     */
    @Test
    void exportWithTheImagesInTheBodyAnswersTheZipOfTheStoredImages() throws Exception {
        String projectId = createProject("{\"name\": \"Potion Shop\", \"mode\": \"2d\", \"startWith\": \"assets\"}");
        HttpResponse<String> plan = send("POST", "/api/projects/" + projectId + "/memory-files",
                json.writeValueAsString(Map.of("type", "entities.json", "content", PLAN)));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        byte[] potion = png(16, 16, 0xC81E3C);
        String rowId = projectId + "-potion";
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("id", rowId);
        approval.put("projectId", projectId);
        approval.put("assetId", projectId + "-asset-0");
        approval.put("status", "approved");
        approval.put("imageBlob", Base64.getEncoder().encodeToString(potion));
        HttpResponse<String> approved = send("POST", "/api/generated-assets", json.writeValueAsString(approval));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        String exportBody = json.writeValueAsString(Map.of("projectId", projectId,
                "assets", List.of(Map.of("id", rowId, "imageBlob", Base64.getEncoder().encodeToString(potion)))));
        HttpResponse<byte[]> zip = http.send(request("/api/export").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(exportBody)).build(), BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).as(new String(zip.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> entries = unzip(zip.body());
        assertThat(entries).containsKey("manifest.json");
        assertThat(entries.values()).as("the stored image is in the ZIP").anySatisfy(bytes -> assertThat(bytes).isEqualTo(potion));

        HttpResponse<InputStream> large = http.send(request("/api/export").header("Content-Type", "application/json")
                .POST(BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(
                        () -> exportBodyWithOneBlob(projectId, rowId, LARGE_EXPORT_BODY)), LARGE_EXPORT_BODY)).build(),
                BodyHandlers.ofInputStream());
        assertThat(large.statusCode()).as("a %d MiB export body", LARGE_EXPORT_BODY / MIB).isEqualTo(200);
        try (InputStream body = large.body()) {
            assertThat(unzip(body.readAllBytes()).values()).anySatisfy(bytes -> assertThat(bytes).isEqualTo(potion));
        }
    }

    /**
     * Row 4: {@code GET /api/style-anchor?id=...} with the anchor's id (as PUT returned it), and with the project id:
     * imageUrl is the image as a data URL, beside the other anchor fields.
     */
    @Test
    void theStyleAnchorIsReadByItsIdWithTheImageAsADataUrl() throws Exception {
        String projectId = createProject("{\"name\": \"Anchored\", \"mode\": \"2d\", \"startWith\": \"assets\"}");
        byte[] anchorImage = png(32, 32, 0x6E9646);
        HttpResponse<String> put = send("PUT", "/api/projects/" + projectId + "/style-anchor", json.writeValueAsString(
                Map.of("referenceImage", Base64.getEncoder().encodeToString(anchorImage), "styleKeywords", "pixel art",
                        "lightingKeywords", "soft", "colorPalette", List.of("#6E9646"), "model", "flux.2-pro")));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        String anchorId = json.readTree(put.body()).get("id").asText();
        assertThat(anchorId).isNotBlank().isNotEqualTo(projectId);

        for (String id : List.of(anchorId, projectId)) {
            HttpResponse<String> read = send("GET", "/api/style-anchor?id=" + id);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            JsonNode anchor = json.readTree(read.body());
            assertThat(anchor.get("id").asText()).isEqualTo(anchorId);
            assertThat(anchor.get("imageUrl").asText())
                    .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(anchorImage));
            assertThat(anchor.get("styleKeywords").asText()).isEqualTo("pixel art");
            assertThat(anchor.get("lightingKeywords").asText()).isEqualTo("soft");
            assertThat(anchor.get("colorPalette").get(0).asText()).isEqualTo("#6E9646");
            assertThat(anchor.get("fluxModel").asText()).isEqualTo("flux.2-pro");
            assertThat(anchor.get("createdAt").asText()).isNotBlank();
        }
        assertError(send("GET", "/api/style-anchor?id=no-such-anchor"), 404, "Style anchor not found");
        assertError(send("GET", "/api/style-anchor"), 400, "Style anchor ID is required");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private String createProject(String body) throws Exception {
        HttpResponse<String> created = send("POST", "/api/projects", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("projectId").asText();
    }

    /** A request through the gateway, as the e2e user (a Bearer token from scripts/token), as the client's session is. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", LocalAuth.authorization());
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return http.send(request(path).method(method, BodyPublishers.noBody()).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String jsonBody) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(jsonBody)).build(), BodyHandlers.ofString());
    }

    private void assertError(HttpResponse<String> response, int status, String message) throws IOException {
        assertThat(response.statusCode()).as("status of %s: %s", response.uri(), response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("Content-Type of %s", response.uri())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json.readTree(response.body()).get("error").asText()).as("error of %s", response.uri()).isEqualTo(message);
    }

    /** {"projectId": ..., "assets": [{"id": ..., "imageBlob": "AAAA..."}]} of exactly {@code size} bytes, generated as it is read. */
    private static InputStream exportBodyWithOneBlob(String projectId, String rowId, long size) {
        byte[] head = ("{\"projectId\": \"" + projectId + "\", \"assets\": [{\"id\": \"" + rowId + "\", \"imageBlob\": \"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}]}".getBytes(StandardCharsets.UTF_8);
        long blob = size - head.length - tail.length;
        InputStream base64 = new InputStream() {
            private long remaining = blob;

            @Override
            public int read() {
                if (remaining == 0) {
                    return -1;
                }
                remaining--;
                return 'A';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (remaining == 0) {
                    return -1;
                }
                int count = (int) Math.min(length, remaining);
                java.util.Arrays.fill(buffer, offset, offset + count, (byte) 'A');
                remaining -= count;
                return count;
            }
        };
        return new SequenceInputStream(java.util.Collections.enumeration(
                List.of(new ByteArrayInputStream(head), base64, new ByteArrayInputStream(tail))));
    }

    private static byte[] png(int width, int height, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
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
