package com.assethatch.project.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.common.auth.testing.AuthjsCookies;
import com.assethatch.common.auth.testing.TestCredentials;
import com.assethatch.common.auth.testing.TestUsers;
import com.assethatch.project.support.EventStream;
import com.assethatch.project.support.TestIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's event stream carries that user's changes only, also after the project id was re-created by someone else. */
@QuarkusTest
class EventsOwnerIsolationTest {

    private static final String ALICE = "alice-" + TestIds.projectId();
    private static final String BOB = "bob-" + TestIds.projectId();
    private static final Duration CONNECT_DEADLINE = Duration.ofSeconds(10);
    private static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(2);
    /** How long a stream is watched for something that must not arrive. */
    private static final Duration QUIET = Duration.ofMillis(700);

    @Inject
    ObjectMapper json;

    @Test
    void bobsStreamSeesNothingOfAlicesChanges() throws Exception {
        String alices = create(ALICE, TestIds.projectId());
        String bobs = create(BOB, TestIds.projectId());
        try (EventStream alice = open(alices, ALICE); EventStream bob = open(bobs, BOB)) {
            assertThat(alice.next(CONNECT_DEADLINE).name()).isEqualTo("connected");
            assertThat(bob.next(CONNECT_DEADLINE).name()).isEqualTo("connected");

            patchMood(ALICE, alices, "tense");
            assertThat(alice.next(DELIVERY_DEADLINE).data().at("/data/qualities/mood").asText()).isEqualTo("tense");
            assertThat(bob.poll(QUIET)).as("an event of Alice's project on Bob's stream").isNull();

            patchMood(BOB, bobs, "calm");
            assertThat(bob.next(DELIVERY_DEADLINE).data().at("/data/qualities/mood").asText()).isEqualTo("calm");
            assertThat(alice.poll(QUIET)).isNull();
        }
    }

    @Test
    void bobCannotOpenAlicesStreamEvenWithAnAuthjsCookie() {
        String alices = create(ALICE, TestIds.projectId());
        given().spec(TestUsers.anonymous()).header("Cookie", AuthjsCookies.header(AuthjsCookies.session(BOB)))
                .accept("text/event-stream").get("/api/projects/{id}/events", alices)
                .then().statusCode(404);
    }

    @Test
    void aProjectIdReusedByAnotherUserDoesNotFeedTheFirstOwnersStream() throws Exception {
        String id = TestIds.projectId();
        create(ALICE, id);
        try (EventStream alice = open(id, ALICE)) {
            assertThat(alice.next(CONNECT_DEADLINE).name()).isEqualTo("connected");
            given().spec(TestUsers.as(ALICE)).delete("/api/projects/{id}", id).then().statusCode(200);
            assertThat(alice.next(DELIVERY_DEADLINE).name()).isEqualTo("project-deleted");

            create(BOB, id);
            patchMood(BOB, id, "secret");
            assertThat(alice.poll(QUIET)).as("Bob's change on Alice's stream").isNull();
        }
    }

    private static EventStream open(String projectId, String user) {
        return EventStream.open(projectId, Map.of("Authorization", TestCredentials.bearer(user)));
    }

    private static String create(String user, String id) {
        return given().spec(TestUsers.as(user)).contentType(ContentType.JSON).body(Map.of("id", id, "name", id))
                .post("/api/projects").then().statusCode(201).extract().path("project.id");
    }

    private static void patchMood(String user, String projectId, String mood) {
        given().spec(TestUsers.as(user)).contentType(ContentType.JSON).body(Map.of("mood", mood))
                .patch("/api/projects/{id}/qualities", projectId).then().statusCode(200);
    }
}
