package com.assethatch.export.pack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.common.testing.LogCapture;
import com.assethatch.export.testsupport.ExportDatabase;
import com.assethatch.export.testsupport.ExportedZip;
import com.assethatch.export.testsupport.SlowClient;
import com.assethatch.export.testsupport.TestData;
import com.assethatch.export.testsupport.TestImages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The download as a browser sees it: its length up front, resumable ranges of the same bytes, no wait for a pool
 * slot however many downloads are in flight, and a clean stop when an image changes mid-download.
 */
@QuarkusTest
@QuarkusTestResource(ExportDatabase.class)
class ExportDownloadTest {

    private static final int MIB = 1 << 20;

    @TestHTTPResource("/")
    URL server;

    @ConfigProperty(name = "asset-hatch.images.read-chunk-bytes")
    int chunkBytes;

    @ConfigProperty(name = "asset-hatch.images.chunks-per-fetch")
    int chunksPerFetch;

    @Test
    void theDownloadAnnouncesItsLengthAndEveryByteArrives() {
        String p = pack("length", 3, 300_000);

        Response response = given().get("/api/projects/{id}/export", p);

        byte[] body = response.then().statusCode(200).header("Accept-Ranges", "bytes").extract().asByteArray();
        assertThat(response.getHeader("Content-Length")).isEqualTo(String.valueOf(body.length));
        assertThat(response.getHeader("ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(ExportedZip.read(body).names()).hasSize(4);
        byte[] posted = given().contentType("application/json").body(Map.of("projectId", p)).post("/api/export")
                .then().statusCode(200).header("Content-Length", String.valueOf(body.length)).extract().asByteArray();
        assertThat(posted).isEqualTo(body);
    }

    @Test
    void imagesOfManyChunksAndFetchesArriveWithExactlyTheirBytes() {
        // Several round trips of chunks each, ending inside a chunk: for a generated image and a style anchor.
        int bytes = 3 * chunksPerFetch * chunkBytes + 12_345;
        String p = TestData.projectId("many-chunks");
        TestData.project(p, "many-chunks", Map.of());
        byte[] image = TestData.image(p + "-0", p, p + "-asset-0", TestImages.bigPng(8, 8, bytes, 7)).size(8, 8)
                .insert();
        byte[] anchor = TestImages.bigPng(8, 8, bytes + 1, 8);
        TestData.anchor(p, anchor, "image/png");
        TestData.plan(p, "## Props\n- Crate 0\n");

        ExportedZip zip = ExportedZip.read(given().get("/api/projects/{id}/export", p).then().statusCode(200)
                .extract().asByteArray());

        assertThat(zip.content().values())
                .anyMatch(content -> Arrays.equals(content, image))
                .anyMatch(content -> Arrays.equals(content, anchor));
    }

    @Test
    void headAnswersTheHeadersOfTheDownloadWithoutItsBody() {
        String p = pack("head", 2, 1000);
        Response whole = given().get("/api/projects/{id}/export", p);

        given().head("/api/projects/{id}/export", p).then().statusCode(200)
                .header("Content-Length", whole.getHeader("Content-Length"))
                .header("ETag", whole.getHeader("ETag"));
    }

    @Test
    void headOfALargePackLeavesNoDownloadRunningOnTheServer() {
        String p = pack("head-large", 4, MIB);
        long length = given().get("/api/projects/{id}/export", p).asByteArray().length;

        given().head("/api/projects/{id}/export", p).then().statusCode(200)
                .header("Content-Length", String.valueOf(length));

        // This test runs in the service's JVM: no worker may be left writing a body nobody will read.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(threadsRunningADownload()).isEmpty());
    }

    private static List<String> threadsRunningADownload() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getClassName().equals(ExportDownload.class.getName())))
                .map(thread -> thread.getKey().getName())
                .toList();
    }

    @Test
    void rangesResumeADownloadWithExactlyTheBytesOfTheWholeOne() {
        String p = pack("range", 4, 200_000);
        Response whole = given().get("/api/projects/{id}/export", p);
        byte[] all = whole.asByteArray();
        String etag = whole.getHeader("ETag");
        int length = all.length;

        for (int cut : new int[] {1, 57, 30_000, 250_000, 500_000, length - 100, length - 1}) {
            Response rest = given().header("Range", "bytes=" + cut + "-").header("If-Range", etag)
                    .get("/api/projects/{id}/export", p);
            rest.then().statusCode(206).header("Content-Range", "bytes " + cut + "-" + (length - 1) + "/" + length)
                    .header("Content-Length", String.valueOf(length - cut));
            byte[] head = Arrays.copyOfRange(all, 0, cut);
            assertThat(concat(head, rest.asByteArray())).as("resumed at %d", cut).isEqualTo(all);
        }
        assertThat(given().header("Range", "bytes=100-199").get("/api/projects/{id}/export", p)
                .then().statusCode(206).extract().asByteArray()).isEqualTo(Arrays.copyOfRange(all, 100, 200));
        assertThat(given().header("Range", "bytes=-22").get("/api/projects/{id}/export", p)
                .then().statusCode(206).extract().asByteArray()).isEqualTo(Arrays.copyOfRange(all, length - 22, length));
    }

    @Test
    void aResumeOfAnotherPackGetsTheWholeNewPackNotASplice() {
        String p = pack("splice", 2, 5000);
        Response before = given().get("/api/projects/{id}/export", p);
        TestData.image(p + "-late", p, p + "-asset-9", TestImages.png(3, 3, 77)).size(3, 3).minute(30).insert();

        Response after = given().header("Range", "bytes=100-").header("If-Range", before.getHeader("ETag"))
                .get("/api/projects/{id}/export", p);

        after.then().statusCode(200);
        assertThat(after.getHeader("ETag")).isNotEqualTo(before.getHeader("ETag"));
        assertThat(ExportedZip.read(after.asByteArray()).names()).contains("unplanned/" + p + "-asset-9.png");
    }

    @Test
    void aRangeBeyondTheEndIs416WithTheLength() {
        String p = pack("beyond", 1, 1000);
        long length = given().get("/api/projects/{id}/export", p).asByteArray().length;

        given().header("Range", "bytes=" + length + "-").get("/api/projects/{id}/export", p).then().statusCode(416)
                .header("Content-Range", "bytes */" + length)
                .body("error", equalTo("The range starts beyond the pack's end"));
        given().header("Range", "bytes=5-2").get("/api/projects/{id}/export", p).then().statusCode(200);
        given().header("Range", "bytes=0-1,5-6").get("/api/projects/{id}/export", p).then().statusCode(200);
    }

    @Test
    void downloadsThatStallHoldNoConnectionSoMoreOfThemThanThePoolHoldsAllStartAtOnce() throws Exception {
        int downloads = 24; // more than quarkus.datasource.jdbc.max-size
        String p = pack("stall", 10, MIB);
        List<SlowClient> stalled = new ArrayList<>();
        ExecutorService starts = Executors.newFixedThreadPool(downloads);
        try (Connection db = TestData.connectAsExportRole()) {
            List<Future<SlowClient>> started = new ArrayList<>();
            for (int i = 0; i < downloads; i++) {
                started.add(starts.submit(() -> {
                    SlowClient client = SlowClient.get(server, "/api/projects/" + p + "/export");
                    client.read(1024); // the first bytes, then this client stops reading
                    return client;
                }));
            }
            for (Future<SlowClient> download : started) {
                stalled.add(download.get(90, TimeUnit.SECONDS));
            }

            assertThat(stalled).allSatisfy(client -> assertThat(client.status()).isEqualTo(200));
            // An image is read in a transaction of its own: once the downloads have read ahead as far as their
            // budget allows, none may stay in one while its client does not read.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(openTransactions(db))
                    .as("connections held by the stalled downloads").isZero());
            given().get("/api/projects/{id}/export/manifest", p).then().statusCode(200);
        } finally {
            starts.shutdownNow();
            for (SlowClient client : stalled) {
                client.reset();
            }
        }
    }

    @Test
    void anImageDeletedMidDownloadEndsTheTransferBeforeItInsteadOfShippingAnotherPack() throws Exception {
        String p = pack("deleted", 12, MIB);
        try (LogCapture logs = LogCapture.install(); SlowClient download = SlowClient.get(server,
                "/api/projects/" + p + "/export")) {
            byte[] head = download.read(64 * 1024);
            deleteImage(p + "-11");

            byte[] rest = download.readRest(head.length);

            long promised = Long.parseLong(download.header("Content-Length"));
            assertThat((long) head.length + rest.length).as("bytes received of " + promised).isLessThan(promised);
            assertThat(isCompleteZip(concat(head, rest))).isFalse();
            assertThat(logs.records()).anySatisfy(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
                assertThat(LogCapture.message(r)).contains("aborted", p + "-11", "gone");
            });
        }
    }

    @Test
    void anApprovalMidDownloadLeavesTheDownloadAsItsManifestPromised() throws Exception {
        String p = pack("approved", 12, MIB);
        byte[] before = given().get("/api/projects/{id}/export", p).asByteArray();
        try (SlowClient download = SlowClient.get(server, "/api/projects/" + p + "/export")) {
            byte[] head = download.read(64 * 1024);
            TestData.image(p + "-newer", p, p + "-asset-3", TestImages.png(3, 3, 5)).size(3, 3).minute(60).insert();

            byte[] all = concat(head, download.readRest(head.length));

            assertThat(all).isEqualTo(before);
        }
    }

    /** A project with {@code images} approved images of {@code bytes} bytes each, all in its plan. */
    private static String pack(String label, int images, int bytes) {
        String p = TestData.projectId(label);
        TestData.project(p, label, Map.of());
        StringBuilder plan = new StringBuilder("## Props\n");
        for (int i = 0; i < images; i++) {
            plan.append("- Crate ").append(i).append('\n');
            TestData.image(p + "-" + i, p, p + "-asset-" + i, TestImages.bigPng(8, 8, bytes, i)).size(8, 8).minute(i)
                    .insert();
        }
        TestData.plan(p, plan.toString());
        return p;
    }

    private static void deleteImage(String id) throws Exception {
        try (Connection db = TestData.connect();
                PreparedStatement delete = db.prepareStatement("DELETE FROM generated_asset WHERE id = ?")) {
            delete.setString(1, id);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }

    /** Sessions of the export role (other than this one) inside a transaction. */
    private static int openTransactions(Connection db) throws Exception {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE usename = current_user AND datname = current_database() AND pid <> pg_backend_pid()
                          AND state IN ('idle in transaction', 'idle in transaction (aborted)')""")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** A complete archive ends with its end-of-central-directory record. */
    private static boolean isCompleteZip(byte[] body) {
        int end = body.length - 22;
        return end >= 0 && body[end] == 'P' && body[end + 1] == 'K' && body[end + 2] == 5 && body[end + 3] == 6;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream both = new ByteArrayOutputStream(first.length + second.length);
        both.writeBytes(first);
        both.writeBytes(second);
        return both.toByteArray();
    }
}
