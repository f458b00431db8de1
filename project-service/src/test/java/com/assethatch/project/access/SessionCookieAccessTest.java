package com.assethatch.project.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.assethatch.common.auth.testing.AuthjsCookies;
import com.assethatch.common.auth.testing.AuthjsCookies.Session;
import com.assethatch.common.auth.testing.TestUsers;
import com.assethatch.project.support.TestIds;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The original frontend's session, as Auth.js itself encodes it ({@code @auth/core}'s encode, under Node), reaches
 * the owner's projects through project-service; a changed byte, or another user's session, does not.
 */
@QuarkusTest
class SessionCookieAccessTest {

    private static final String OWNER = "cookie-owner-" + TestIds.projectId();
    private static final String STRANGER = "cookie-stranger-" + TestIds.projectId();
    private static final String BIG_PICTURE = "data:image/png;base64," + "A".repeat(6000);

    private static Map<String, String> owner;
    private static Map<String, String> stranger;
    private static Map<String, String> chunked;
    private static Map<String, String> expired;

    /** One Node run mints them all (each start of Node costs about a second). */
    @BeforeAll
    static void mintSessions() {
        List<Map<String, String>> cookies = AuthjsCookies.mint(List.of(
                Session.of(OWNER),
                Session.of(STRANGER),
                Session.of(OWNER).withToken(Map.of("id", OWNER, "picture", BIG_PICTURE)),
                Session.of(OWNER).withMaxAge(-60)));
        owner = cookies.get(0);
        stranger = cookies.get(1);
        chunked = cookies.get(2);
        expired = cookies.get(3);
    }

    @Test
    void theOwnersSessionCreatesListsAndReadsItsProjects() {
        String id = TestIds.projectId();
        withCookies(owner).contentType(ContentType.JSON).body(Map.of("id", id, "name", "Cookie project"))
                .post("/api/projects").then().statusCode(201).body("project.userId", equalTo(OWNER));

        withCookies(owner).get("/api/projects").then().statusCode(200).body("projects.id", hasItem(id));
        withCookies(owner).get("/api/projects/{id}/qualities", id).then().statusCode(200);
        withCookies(chunked).get("/api/projects/{id}", id).then().statusCode(200);
        withCookies(stranger).get("/api/projects/{id}", id).then().statusCode(404)
                .body("error", equalTo("Project not found"));
        withCookies(stranger).get("/api/projects").then().statusCode(200).body("projects.id", not(hasItem(id)));
    }

    @Test
    void aSessionWithOneByteChangedIsRefused() {
        String value = owner.get(AuthjsCookies.COOKIE_NAME);
        int middle = value.length() / 2;
        String tampered = value.substring(0, middle) + (value.charAt(middle) == 'A' ? 'B' : 'A') + value.substring(middle + 1);

        withCookies(Map.of(AuthjsCookies.COOKIE_NAME, tampered)).get("/api/projects").then()
                .statusCode(401).header("WWW-Authenticate", notNullValue()).body("error", notNullValue());
    }

    @Test
    void anExpiredSessionIsRefused() {
        withCookies(expired).get("/api/projects").then().statusCode(401).header("WWW-Authenticate", notNullValue());
    }

    /** Only the cookies: the default test user's Bearer token stays off (a Bearer header would take precedence). */
    private static io.restassured.specification.RequestSpecification withCookies(Map<String, String> cookies) {
        return given().spec(TestUsers.anonymous()).header("Cookie", AuthjsCookies.header(cookies));
    }
}
