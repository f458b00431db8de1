package com.assethatch.project.assets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assethatch.common.auth.testing.TestCredentials;
import com.assethatch.common.auth.testing.TestUsers;
import com.assethatch.common.testing.LogCapture;
import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that hangs up halfway through an upload (a closed tab, a lost network) stores nothing and is no server
 * fault: the log says so at DEBUG, without the ERROR and stack trace that would page an operator, and no file part is
 * left on disk.
 */
@QuarkusTest
class UploadDisconnectTest {

    /** Large enough that the service is still reading the body when the client goes away. */
    private static final int IMAGE_BYTES = 2 * 1024 * 1024;
    private static final String BOUNDARY = "disconnect-boundary";
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Upload { JSON_BASE64, MULTIPART, RAW }

    private String projectId;

    private LogCapture log;

    @BeforeEach
    void createProjectAndCaptureTheLog() {
        projectId = Api.createProject(TestIds.projectId());
        log = LogCapture.install();
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @ParameterizedTest
    @EnumSource(value = Upload.class, names = {"JSON_BASE64", "RAW"})
    void aHangUpWhileTheBodyIsReadIsLoggedAsADisconnectAndStoresNothing(Upload upload) throws IOException {
        String assetRowId = projectId + "-" + upload.name().toLowerCase();
        sendHalfAndHangUp(upload, assetRowId);

        await().atMost(Duration.ofSeconds(10)).until(() -> disconnectLogged() || errorLogged());
        assertThat(errorLogged()).as("an ERROR for a client's hang-up").isFalse();
        given().when().get("/api/generated-assets/{id}/image", assetRowId).then().statusCode(404);
    }

    /** Multipart bodies are read before any code of ours runs: the hang-up must not leave the file part behind. */
    @Test
    void aHangUpMidMultipartLeavesNoFileBehindAndStoresNothing() throws IOException {
        String assetRowId = projectId + "-multipart";
        Set<Path> filesBefore = uploadedFiles();
        sendHalfAndHangUp(Upload.MULTIPART, assetRowId);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> filesBefore.containsAll(uploadedFiles()) && !errorLogged());
        given().when().get("/api/generated-assets/{id}/image", assetRowId).then().statusCode(404);
    }

    private static Set<Path> uploadedFiles() throws IOException {
        Path directory = Path.of(
                ConfigProvider.getConfig().getValue("quarkus.http.body.uploads-directory", String.class));
        if (!Files.isDirectory(directory)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.collect(Collectors.toSet());
        }
    }

    private boolean disconnectLogged() {
        return log.records().stream()
                .anyMatch(record -> String.valueOf(LogCapture.message(record)).contains("closed the connection"));
    }

    private boolean errorLogged() {
        return log.records().stream().anyMatch(record -> record.getLevel().intValue() >= Level.SEVERE.intValue());
    }

    /** Announces the whole body, sends the first half of it and closes the socket. */
    private void sendHalfAndHangUp(Upload upload, String assetRowId) throws IOException {
        byte[] body = body(upload, assetRowId);
        String head = "POST " + target(upload, assetRowId) + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: " + TestCredentials.bearer(TestUsers.DEFAULT_USER) + "\r\n"
                + "Content-Type: " + contentType(upload) + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
        }
    }

    private String target(Upload upload, String assetRowId) {
        return upload == Upload.RAW
                ? "/api/generated-assets?id=" + assetRowId + "&projectId=" + projectId + "&assetId=" + assetId()
                : "/api/generated-assets";
    }

    private static String contentType(Upload upload) {
        return switch (upload) {
            case JSON_BASE64 -> "application/json";
            case MULTIPART -> "multipart/form-data; boundary=" + BOUNDARY;
            case RAW -> "image/png";
        };
    }

    private byte[] body(Upload upload, String assetRowId) throws IOException {
        byte[] image = Arrays.copyOf(TestImages.png(2, 2), IMAGE_BYTES);
        return switch (upload) {
            case JSON_BASE64 ->
                    JSON.writeValueAsBytes(Api.originalApprovalBody(assetRowId, projectId, assetId(), image));
            case MULTIPART -> multipart(assetRowId, image);
            case RAW -> image;
        };
    }

    private byte[] multipart(String assetRowId, byte[] image) {
        StringBuilder head = new StringBuilder();
        Map.of("id", assetRowId, "projectId", projectId, "assetId", assetId()).forEach((name, value) -> head
                .append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                .append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(BOUNDARY)
                .append("\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n")
                .append("Content-Type: image/png\r\n\r\n");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private String assetId() {
        return projectId + "-asset-0";
    }
}
