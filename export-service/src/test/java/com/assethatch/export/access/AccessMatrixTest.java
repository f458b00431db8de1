package com.assethatch.export.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.assethatch.common.auth.testing.AuthjsCookies;
import com.assethatch.common.auth.testing.AuthjsCookies.Session;
import com.assethatch.common.auth.testing.TestCredentials;
import com.assethatch.common.auth.testing.TestUsers;
import com.assethatch.export.testsupport.ExportDatabase;
import com.assethatch.export.testsupport.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of export-service, for every kind of caller: the owner gets 200; another user gets 404 with the body
 * a missing project gets; no credential, an expired one, a bad signature, a wrong issuer or audience, {@code alg:
 * none} and HS256 signed with the public key get 401 with WWW-Authenticate. The owner check is in the export's own
 * snapshot query, so it holds for the streamed pack, the manifest and the plan parse alike.
 */
@QuarkusTest
@QuarkusTestResource(ExportDatabase.class)
class AccessMatrixTest {

    private static final String PLAN = "## Characters\n- Farmer (idle)\n";

    /** One route: how to call it for a project id. */
    record Route(String name, BiFunction<RequestSpecification, String, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A caller that must be refused. */
    record Refused(String name, Supplier<RequestSpecification> spec) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Route> routes() {
        return List.of(
                new Route("POST /api/export", (spec, id) -> spec.contentType(ContentType.JSON)
                        .body(Map.of("projectId", id)).post("/api/export")),
                new Route("GET /api/projects/{id}/export", (spec, id) -> spec.get("/api/projects/{id}/export", id)),
                new Route("GET /api/projects/{id}/export/manifest",
                        (spec, id) -> spec.get("/api/projects/{id}/export/manifest", id)),
                new Route("POST /api/plans/parse", (spec, id) -> spec.contentType("text/markdown").body(PLAN)
                        .queryParam("projectId", id).post("/api/plans/parse")));
    }

    static List<Refused> refusedCallers() {
        String user = TestUsers.DEFAULT_USER;
        return List.of(
                new Refused("no credential", TestUsers::anonymous),
                new Refused("expired token", () -> bearer(TestCredentials.token(user).withLifetime(-120).sign())),
                new Refused("bad signature", () -> bearer(TestCredentials.withBadSignature(TestCredentials.token(user).sign()))),
                new Refused("wrong issuer", () -> bearer(TestCredentials.token(user).withIssuer("https://evil.example").sign())),
                new Refused("wrong audience", () -> bearer(TestCredentials.token(user).withAudience("someone-else").sign())),
                new Refused("alg none", () -> bearer(TestCredentials.unsigned(user))),
                new Refused("HS256 with the public key", () -> bearer(TestCredentials.hs256WithPublicKey(user))));
    }

    static Stream<Arguments> refusedCalls() {
        return routes().stream().flatMap(route -> refusedCallers().stream().map(caller -> Arguments.of(route, caller)));
    }

    /** A project of the default test user with a plan and one approved image: exportable. */
    private static String exportableProject() {
        String id = TestData.projectId("owned");
        TestData.project(id, "Owned", Map.of());
        TestData.plan(id, PLAN);
        TestData.approved(id + "-idle", id, id + "-asset-0", 1, 7);
        return id;
    }

    @ParameterizedTest(name = "{0}: the owner is served")
    @MethodSource("routes")
    void theOwnerIsServed(Route route) {
        Response response = route.call().apply(given(), exportableProject());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}: another user gets the 404 of a missing project")
    @MethodSource("routes")
    void anotherUserGetsTheSame404AsForAMissingProject(Route route) {
        String project = exportableProject();
        Response missing = route.call().apply(given(), TestData.projectId("missing"));
        Response other = route.call().apply(given().spec(TestUsers.as(TestUsers.OTHER_USER)), project);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(other.statusCode()).as(other.asString()).isEqualTo(404);
        assertThat(other.asString()).isEqualTo(missing.asString());
    }

    @ParameterizedTest(name = "{0} with {1}: 401")
    @MethodSource("refusedCalls")
    void aMissingOrUntrustworthyCredentialIs401(Route route, Refused caller) {
        route.call().apply(given().spec(caller.spec().get()), exportableProject()).then()
                .statusCode(401)
                .contentType(ContentType.JSON)
                .header("WWW-Authenticate", not(emptyOrNullString()))
                .body("error", not(emptyOrNullString()));
    }

    @Test
    void theOwnersAuthjsSessionExportsAndAChangedByteIsRefused() {
        String project = exportableProject();
        List<Map<String, String>> sessions = AuthjsCookies.mint(List.of(Session.of(TestUsers.DEFAULT_USER),
                Session.of(TestUsers.OTHER_USER)));
        String owner = AuthjsCookies.header(sessions.get(0));
        String value = sessions.get(0).get(AuthjsCookies.COOKIE_NAME);
        int middle = value.length() / 2;
        String tampered = AuthjsCookies.COOKIE_NAME + "=" + value.substring(0, middle)
                + (value.charAt(middle) == 'A' ? 'B' : 'A') + value.substring(middle + 1);

        given().spec(TestUsers.anonymous()).header("Cookie", owner)
                .get("/api/projects/{id}/export/manifest", project).then().statusCode(200)
                .body("project.name", equalTo("Owned"));
        given().spec(TestUsers.anonymous()).header("Cookie", AuthjsCookies.header(sessions.get(1)))
                .get("/api/projects/{id}/export/manifest", project).then().statusCode(404)
                .body("error", equalTo("Project not found"));
        given().spec(TestUsers.anonymous()).header("Cookie", tampered)
                .get("/api/projects/{id}/export/manifest", project).then().statusCode(401)
                .header("WWW-Authenticate", not(emptyOrNullString()));
    }

    private static RequestSpecification bearer(String token) {
        return new RequestSpecBuilder().addHeader("Authorization", "Bearer " + token).build();
    }
}
