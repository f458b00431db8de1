package com.assethatch.project.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.project.support.Api;
import com.assethatch.project.support.OwnRedisProfile;
import com.assethatch.project.support.OwnRedisServer;
import com.assethatch.project.support.Stores;
import com.assethatch.project.support.TestIds;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** With the relay off, nothing but the read path stands between a revived stale Redis and the client. */
@QuarkusTest
@TestProfile(OwnRedisProfile.WithoutRelay.class)
class StaleCacheAfterOutageTest {

    @Inject
    Stores stores;

    @Test
    void aRevivedRedisHoldingAnOldValueIsNeverServed() {
        OwnRedisServer redis = OwnRedisServer.current();
        String projectId = Api.createProject(TestIds.projectId());
        Api.patchQualities(projectId, "{\"mood\": \"calm\"}").statusCode(200);

        redis.stopServer();
        int version = Api.patchQualities(projectId, "{\"mood\": \"tense\"}").statusCode(200).extract().path("version");
        redis.startServer();
        assertThat(stores.cachedProject(projectId)).get()
                .extracting(cached -> cached.payload().at("/qualities/mood").asText()).isEqualTo("calm");

        Api.getQualities(projectId).statusCode(200).body("qualities.mood", equalTo("tense"));
        Api.getQualities(projectId).statusCode(200).body("qualities.mood", equalTo("tense"));

        // That read went to Postgres and repaired the entry on its way.
        assertThat(stores.cachedProject(projectId)).get().extracting(Stores.Cached::version).isEqualTo((long) version);
    }
}
