package com.assethatch.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A body over quarkus.http.limits.max-body-size gets 413 in the API's error shape (common's BodyLimits), not
 * the HTTP layer's empty 413 that breaks {@code response.json()} in the frontend.
 */
@QuarkusTest
class OversizedRequestBodyTest {

    private static final int OVER_THE_LIMIT = 1024 * 1024;
    private static final String BOUNDARY = "oversized-body-test-boundary";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.http.cors.origins")
    List<String> allowedOrigins;

    private long limit() {
        return maxBodySize.asLongValue();
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
    void aJsonBodyOverTheLimitGets413WithAMessageAndTheLimit() {
        String projectId = Api.createProject(TestIds.projectId());
        given().contentType(ContentType.JSON).body(jsonBodyOf(limit() + OVER_THE_LIMIT))
                .when().post("/api/projects/{id}/memory-files", projectId)
                .then().statusCode(413)
                .contentType(ContentType.JSON)
                .body("error", startsWith("Request body is "))
                .body("details.maxBytes", equalTo(Math.toIntExact(limit())));
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
    void aMultipartUploadOverTheLimitGets413InTheErrorShape() {
        given().contentType("multipart/form-data; boundary=" + BOUNDARY)
                .body(multipartBodyWithAFileOf(limit() + OVER_THE_LIMIT))
                .when().post("/api/generated-assets")
                .then().statusCode(413)
                .contentType(ContentType.JSON)
                .body("error", startsWith("Request body is "));
    }

    @Test
    void theFrontendsOriginMayReadThe413() {
        String frontend = allowedOrigins.get(0);
        given().header("Origin", frontend).contentType(ContentType.JSON).body(jsonBodyOf(limit() + OVER_THE_LIMIT))
                .when().post("/api/projects")
                .then().statusCode(413)
                .header("Access-Control-Allow-Origin", frontend)
                .contentType(ContentType.JSON);
    }

    @Test
    void aBodyWithinTheLimitReachesTheEndpoint() {
        String projectId = Api.createProject(TestIds.projectId());
        // Under the HTTP limit but over the memory file's own 10 MB: the endpoint's answer, not the guard's.
        given().contentType(ContentType.JSON).body(jsonBodyOf(limit() / 2))
                .when().post("/api/projects/{id}/memory-files", projectId)
                .then().statusCode(400)
                .body("error", equalTo("Content too large (max 10MB)"));
    }
}
