package com.assethatch.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.common.auth.testing.TestCredentials;
import com.assethatch.common.auth.testing.TestUsers;
import com.assethatch.common.testing.LogCapture;
import com.assethatch.export.testsupport.ExportDatabase;
import com.assethatch.export.testsupport.TestData;
import com.assethatch.export.testsupport.TestImages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.logging.Level;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** A file whose bytes differ from what the manifest promised is never delivered as a complete download. */
@QuarkusTest
@QuarkusTestResource(ExportDatabase.class)
class ExportIntegrityTest {

    @TestHTTPResource("/")
    URL server;

    @Test
    void anImageThatDoesNotMatchItsRecordedSha256BreaksTheTransferInsteadOfShippingAWrongFile() throws Exception {
        String p = TestData.projectId("tampered");
        TestData.project(p, "Tampered", Map.of());
        TestData.plan(p, "## Props\n- Crate\n- Barrel\n");
        TestData.approved(p + "-crate", p, p + "-asset-0", 1, 1);
        TestData.image(p + "-barrel", p, p + "-asset-1", TestImages.png(4, 4, 2)).size(4, 4).minute(2).insert();
        try (Connection db = TestData.connect();
                PreparedStatement tamper = db.prepareStatement("UPDATE generated_asset SET sha256 = ? WHERE id = ?")) {
            tamper.setString(1, "0".repeat(64));
            tamper.setString(2, p + "-barrel");
            tamper.executeUpdate();
        }

        try (LogCapture logs = LogCapture.install()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server + "api/projects/" + p + "/export"))
                    .header("Authorization", TestCredentials.bearer(TestUsers.DEFAULT_USER)).build();
            boolean complete;
            try {
                HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
                complete = isCompleteZipWith(response.body(), "props/prop_barrel_default.png");
            } catch (IOException broken) {
                complete = false;
            }

            assertThat(complete).as("the tampered file must not arrive in a complete archive").isFalse();
            assertThat(logs.records()).anySatisfy(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
                assertThat(LogCapture.message(r)).contains("aborted").contains("sha256");
            });
        }
    }

    private static boolean isCompleteZipWith(byte[] body, String name) {
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(body))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                in.readAllBytes();
                found |= entry.getName().equals(name);
            }
            // A complete archive ends with its central directory, which ZipInputStream reaches without error.
            return found;
        } catch (IOException e) {
            return false;
        }
    }
}
