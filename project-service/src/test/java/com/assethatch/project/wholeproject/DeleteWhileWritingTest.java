package com.assethatch.project.wholeproject;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting a project while its assets are being uploaded: every request gets an answer a client can act on
 * (the write lands, or the project is gone), never a 5xx. A delete once took the project row's lock before the
 * change log's lock while uploads took them the other way round, and Postgres broke the deadlock with a 500.
 */
@QuarkusTest
class DeleteWhileWritingTest {

    private static final int ROUNDS = 12;
    private static final int UPLOADS_PER_ROUND = 6;
    private final ExecutorService clients = Executors.newFixedThreadPool(UPLOADS_PER_ROUND + 1);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void aDeleteRacingUploadsNeverAnswersA5xx() {
        byte[] image = TestImages.png(8, 8);
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String projectId = Api.createProject(TestIds.projectId());
            List<CompletableFuture<Integer>> requests = new ArrayList<>();
            for (int upload = 0; upload < UPLOADS_PER_ROUND; upload++) {
                String assetId = projectId + "-asset-" + upload;
                requests.add(CompletableFuture.supplyAsync(() -> Api.uploadAsset(
                        Api.originalApprovalBody(UUID.randomUUID().toString(), projectId, assetId, image))
                        .extract().statusCode(), clients));
            }
            requests.add(CompletableFuture.supplyAsync(() -> given().when().delete("/api/projects/{id}", projectId)
                    .then().extract().statusCode(), clients));
            requests.forEach(request -> statuses.add(request.join()));
        }
        assertThat(statuses).as("answers to uploads racing a delete").allMatch(status -> status < 500);
    }
}
