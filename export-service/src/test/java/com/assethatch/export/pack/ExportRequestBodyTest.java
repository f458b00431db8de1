package com.assethatch.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.common.auth.testing.TestCredentials;
import com.assethatch.common.auth.testing.TestUsers;
import com.assethatch.export.testsupport.ExportDatabase;
import com.assethatch.export.testsupport.ExportedZip;
import com.assethatch.export.testsupport.SlowClient;
import com.assethatch.export.testsupport.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/export takes the newest frontend's body of hundreds of megabytes; every other route keeps its limit. */
@QuarkusTest
@QuarkusTestResource(ExportDatabase.class)
class ExportRequestBodyTest {

    private static final long BLOB_BYTES = 1000L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL server;

    @Test
    void aBodyOf1000MiBIsReadPastWithAHeapHalfItsSize() throws Exception {
        String p = TestData.projectId("huge");
        TestData.project(p, "Huge", Map.of());
        TestData.plan(p, "## Props\n- Crate\n");
        TestData.approved(p + "-a", p, p + "-asset-0", 1, 1);
        byte[] prefix = ("{\"assets\": [{\"id\": \"x\", \"imageBlob\": \"").getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = ("\"}], \"projectId\": \"" + p + "\"}").getBytes(StandardCharsets.US_ASCII);
        long length = prefix.length + BLOB_BYTES + suffix.length;
        assertThat(Runtime.getRuntime().maxMemory()).as("the heap this test runs with").isLessThan(BLOB_BYTES);

        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "api/export"))
                .header("Authorization", TestCredentials.bearer(TestUsers.DEFAULT_USER))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> body(prefix, suffix)), length))
                .build();
        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ExportedZip.read(response.body()).names()).containsExactly("manifest.json",
                "props/prop_crate_default.png");
    }

    @Test
    void aBodyOverAnotherRoutesLimitIs413InTheErrorShape() throws Exception {
        try (SlowClient answer = SlowClient.postHead(server, "/api/plans/parse?projectId=p", "text/markdown",
                13_000_000)) {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            JsonNode error = JSON.readTree(answer.readRest(0));
            assertThat(error.get("error").asText()).isEqualTo("Request body is 12.4 MB; the limit is 12.0 MB");
            assertThat(error.at("/details/maxBytes").asLong()).isEqualTo(12_582_912);
        }
    }

    @Test
    void aBodyOverTheExportRoutesLimitIs413InTheErrorShapeToo() throws Exception {
        try (SlowClient answer = SlowClient.postHead(server, "/api/export", "application/json", 3L << 30)) {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(JSON.readTree(answer.readRest(0)).get("error").asText())
                    .isEqualTo("Request body is 3072.0 MB; the limit is 1024.0 MB");
        }
    }

    /** The JSON body, made as it is sent: a base64-like run of 'A's between a prefix and a suffix. */
    private static InputStream body(byte[] prefix, byte[] suffix) {
        InputStream blob = new InputStream() {
            private long left = BLOB_BYTES;

            @Override
            public int read() {
                return left-- > 0 ? 'A' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(count, left);
                Arrays.fill(buffer, offset, offset + n, (byte) 'A');
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(prefix),
                new SequenceInputStream(blob, new ByteArrayInputStream(suffix)));
    }
}
