package com.assethatch.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.common.auth.testing.TestCredentials;
import com.assethatch.common.auth.testing.TestUsers;
import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A body over quarkus.http.limits.max-body-size gets 413 in the API's error shape (common's BodyLimits), not
 * the HTTP layer's empty 413 that breaks {@code response.json()} in the frontend. The bodies go out with the JDK's
 * client, as one body with its length: RestAssured takes seconds to send tens of MB.
 */
@QuarkusTest
class OversizedRequestBodyTest {

    private static final int OVER_THE_LIMIT = 1024 * 1024;
    private static final String BOUNDARY = "oversized-body-test-boundary";
    private static final String JSON = "application/json";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.http.cors.origins")
    List<String> allowedOrigins;

    private final HttpClient http = HttpClient.newHttpClient();

    private long limit() {
        return maxBodySize.asLongValue();
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Content-Type", contentType)
                .header("Authorization", TestCredentials.bearer(TestUsers.DEFAULT_USER))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertErrorShape(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
    }

    /** A JSON string value of n bytes: {"content": "xxx…"}. */
    private static byte[] jsonBodyOf(long bytes) {
        String prefix = "{\"type\": \"entities.json\", \"content\": \"";
        byte[] body = new byte[Math.toIntExact(bytes)];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(prefix.getBytes(), 0, body, 0, prefix.length());
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return body;
    }

    @Test
    void aJsonBodyOverTheLimitGets413WithAMessageAndTheLimit() throws Exception {
        String projectId = Api.createProject(TestIds.projectId());
        HttpResponse<String> response = post("/api/projects/" + projectId + "/memory-files", JSON,
                jsonBodyOf(limit() + OVER_THE_LIMIT));
        assertErrorShape(response, 413);
        JsonPath error = JsonPath.from(response.body());
        assertThat(error.getString("error")).startsWith("Request body is ");
        assertThat(error.getLong("details.maxBytes")).isEqualTo(limit());
        given().when().get("/api/projects/{id}/memory-files", projectId)
                .then().statusCode(200).body("files.size()", equalTo(0));
    }

    /** As a browser sends FormData: one body with its length (rest-assured's multiPart() would send it chunked). */
    private static byte[] multipartBodyWithAFileOf(long bytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"id", "oversized-upload"}, {"projectId", "p"}, {"assetId", "a-0"}}) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"huge.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[Math.toIntExact(bytes)]);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    @Test
    void aMultipartUploadOverTheLimitGets413InTheErrorShape() throws Exception {
        HttpResponse<String> response = post("/api/generated-assets", "multipart/form-data; boundary=" + BOUNDARY,
                multipartBodyWithAFileOf(limit() + OVER_THE_LIMIT));
        assertErrorShape(response, 413);
        assertThat(JsonPath.from(response.body()).getString("error")).startsWith("Request body is ");
    }

    @Test
    void theFrontendsOriginMayReadThe413() throws Exception {
        String frontend = allowedOrigins.get(0);
        HttpResponse<String> response = post("/api/projects", JSON, jsonBodyOf(limit() + OVER_THE_LIMIT),
                "Origin", frontend);
        assertErrorShape(response, 413);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(frontend);
    }

    @Test
    void aBodyWithinTheLimitReachesTheEndpoint() throws Exception {
        String projectId = Api.createProject(TestIds.projectId());
        // Under the HTTP limit but over the memory file's own 10 MB: the endpoint's answer, not the guard's.
        HttpResponse<String> response = post("/api/projects/" + projectId + "/memory-files", JSON,
                jsonBodyOf(limit() / 2));
        assertErrorShape(response, 400);
        assertThat(JsonPath.from(response.body()).getString("error")).isEqualTo("Content too large (max 10MB)");
    }
}
