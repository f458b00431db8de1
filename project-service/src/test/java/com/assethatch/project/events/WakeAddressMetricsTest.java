package com.assethatch.project.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every committed change wakes its project's address on the event bus; /q/metrics must not grow a meter per project. */
@QuarkusTest
class WakeAddressMetricsTest {

    @Test
    void projectWakeUpsAreCountedUnderOneAddressNotOnePerProject() {
        String first = Api.createProject(TestIds.projectId());
        String second = Api.createProject(TestIds.projectId());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(metrics()).contains("address=\"" + ChangeListener.PROJECT_WAKE_ADDRESSES + "\""));
        assertThat(metrics()).doesNotContain(first).doesNotContain(second);
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
