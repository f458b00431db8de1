package com.assethatch.export.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assethatch.common.testing.LogCapture;
import com.assethatch.export.testsupport.ExportDatabase;
import com.assethatch.export.testsupport.SlowClient;
import com.assethatch.export.testsupport.TestData;
import com.assethatch.export.testsupport.TestImages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A download the client abandons must not keep working; no download holds a database connection while it streams. */
@QuarkusTest
@QuarkusTestResource(ExportDatabase.class)
class ExportAbortTest {

    private static final int IMAGES = 40;
    private static final int IMAGE_BYTES = 1 << 20;
    private static final int READ_BEFORE_ABORT = 128 * 1024;
    private static final Pattern STOPPED = Pattern.compile("stopped after (\\d+) of (\\d+) files");

    @TestHTTPResource("/")
    URL server;

    @Test
    void aClientThatGoesAwayMidDownloadFreesTheConnectionAndStopsTheWork() throws Exception {
        String p = TestData.projectId("abort");
        TestData.project(p, "Abort", Map.of());
        StringBuilder plan = new StringBuilder("## Props\n");
        for (int i = 0; i < IMAGES; i++) {
            plan.append("- Crate ").append(i).append('\n');
            TestData.image(p + "-" + i, p, p + "-asset-" + i, TestImages.bigPng(64, 64, IMAGE_BYTES, i)).size(64, 64)
                    .minute(i).insert();
        }
        TestData.plan(p, plan.toString());

        try (LogCapture logs = LogCapture.install(); Connection db = TestData.connectAsExportRole()) {
            try (SlowClient download = SlowClient.get(server, "/api/projects/" + p + "/export")) {
                assertThat(download.status()).isEqualTo(200);
                download.read(READ_BEFORE_ABORT);

                // The first bytes arrived while most images are still to be read: it streams, and once the bounded
                // read-ahead is full no database connection works or waits for this stalled client.
                await().atMost(Duration.ofSeconds(10)).until(() -> exportSessionsInTransaction(db) == 0);
                download.reset();
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> exportSessionsInTransaction(db) == 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> logs.records().stream()
                    .anyMatch(r -> STOPPED.matcher(String.valueOf(LogCapture.message(r))).find()));
            // Nothing worse than the INFO line may follow, however late (libraries' DEBUG records may carry the
            // exceptions they handled, e.g. smallrye-jwt trying a key format on the first token it verifies).
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> logs.records().stream()
                    .noneMatch(r -> isStackTrace(r) || r.getLevel().intValue() > Level.WARNING.intValue()));

            LogRecord stopped = logs.records().stream()
                    .filter(r -> STOPPED.matcher(String.valueOf(LogCapture.message(r))).find())
                    .findFirst().orElseThrow();
            assertThat(stopped.getLevel().intValue()).isBetween(Level.INFO.intValue(), Level.WARNING.intValue());
            assertThat(stopped.getThrown()).isNull();
            Matcher counts = STOPPED.matcher(LogCapture.message(stopped));
            assertThat(counts.find()).isTrue();
            assertThat(Integer.parseInt(counts.group(1))).as("files written before the work stopped").isLessThan(IMAGES);
            List<LogRecord> stackTraces = logs.records().stream().filter(ExportAbortTest::isStackTrace).toList();
            assertThat(stackTraces).extracting(LogCapture::message).isEmpty();
            assertThat(logs.records()).noneMatch(r -> r.getLevel().intValue() > Level.WARNING.intValue());
        }
    }

    /** A record that shows a stack trace in the log as the services run it (INFO and above). */
    private static boolean isStackTrace(LogRecord record) {
        return record.getThrown() != null && record.getLevel().intValue() >= Level.INFO.intValue();
    }

    /** Sessions of the export role (other than this one) inside a transaction: a held snapshot. */
    private static int exportSessionsInTransaction(Connection db) {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE usename = current_user AND datname = current_database() AND pid <> pg_backend_pid()
                          AND state IN ('active', 'idle in transaction', 'idle in transaction (aborted)')""")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
