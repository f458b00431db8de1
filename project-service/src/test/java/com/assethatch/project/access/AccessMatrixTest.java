package com.assethatch.project.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.hasItem;

import com.assethatch.common.auth.testing.TestCredentials;
import com.assethatch.common.auth.testing.TestUsers;
import com.assethatch.project.support.Api;
import com.assethatch.project.support.TestIds;
import com.assethatch.project.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of project-service, for every kind of caller: the owner gets 2xx; another user gets 404 with the very
 * body a missing project (or asset) gets, and changes nothing; no credential, an expired one, a bad signature, a
 * wrong issuer or audience, {@code alg: none} and HS256 signed with the public key get 401 with WWW-Authenticate.
 */
@QuarkusTest
class AccessMatrixTest {

    private static final String MISSING_PROJECT = "no-such-project";
    private static final String MISSING_ASSET = "no-such-asset";
    private static final String ORIGINAL_NAME = "Owner's project";

    /** A project of the default test user with a memory file, an approved asset and a style anchor. */
    record Fixture(String projectId, String assetId) {
        static Fixture create() {
            String projectId = Api.createProject(TestIds.projectId(), ORIGINAL_NAME);
            given().contentType(ContentType.JSON).body(Map.of("type", "entities.json", "content", "# Plan"))
                    .when().post("/api/projects/{id}/memory-files", projectId).then().statusCode(200);
            String assetId = UUID.randomUUID().toString();
            Api.uploadAsset(Api.originalApprovalBody(assetId, projectId, projectId + "-asset-0", TestImages.png(4, 4)))
                    .statusCode(200);
            given().contentType(ContentType.JSON).body(anchorBody())
                    .when().put("/api/projects/{id}/style-anchor", projectId).then().statusCode(200);
            return new Fixture(projectId, assetId);
        }

        /** The same routes aimed at nothing: what "not found" looks like. */
        Fixture missing() {
            return new Fixture(MISSING_PROJECT, MISSING_ASSET);
        }
    }

    /** One route: how to call it on a fixture, and what its owner gets. */
    record Route(String name, int ownerStatus, BiFunction<RequestSpecification, Fixture, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A caller that must be refused; {@code spec} makes the request carry its credential. */
    record Refused(String name, Supplier<RequestSpecification> spec) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Routes about one project or asset (a stream's owner case is in EventsOwnerIsolationTest: it never ends). */
    static List<Route> scopedRoutes() {
        return List.of(
                new Route("GET /api/projects/{id}", 200, (spec, f) -> spec.get("/api/projects/{id}", f.projectId())),
                new Route("PATCH /api/projects/{id}", 200, (spec, f) -> spec.contentType(ContentType.JSON)
                        .body(Map.of("name", "Renamed")).patch("/api/projects/{id}", f.projectId())),
                new Route("DELETE /api/projects/{id}", 200, (spec, f) -> spec.delete("/api/projects/{id}", f.projectId())),
                new Route("GET qualities", 200, (spec, f) -> spec.get("/api/projects/{id}/qualities", f.projectId())),
                new Route("PATCH qualities", 200, (spec, f) -> spec.contentType(ContentType.JSON)
                        .body(Map.of("mood", "calm")).patch("/api/projects/{id}/qualities", f.projectId())),
                new Route("GET memory-files", 200, (spec, f) -> spec.get("/api/projects/{id}/memory-files", f.projectId())),
                new Route("POST memory-files", 200, (spec, f) -> spec.contentType(ContentType.JSON)
                        .body(Map.of("type", "conversation.json", "content", "[]"))
                        .post("/api/projects/{id}/memory-files", f.projectId())),
                new Route("GET project generated-assets", 200,
                        (spec, f) -> spec.get("/api/projects/{id}/generated-assets", f.projectId())),
                new Route("PUT style-anchor", 200, (spec, f) -> spec.contentType(ContentType.JSON)
                        .body(anchorBody(TestImages.png(6, 6))).put("/api/projects/{id}/style-anchor", f.projectId())),
                new Route("GET style-anchor", 200, (spec, f) -> spec.get("/api/projects/{id}/style-anchor", f.projectId())),
                new Route("GET /api/style-anchor?id={project id}", 200,
                        (spec, f) -> spec.queryParam("id", f.projectId()).get("/api/style-anchor")),
                new Route("GET style-anchor image", 200,
                        (spec, f) -> spec.get("/api/projects/{id}/style-anchor/image", f.projectId())),
                new Route("GET sync-status", 200, (spec, f) -> spec.get("/api/projects/{id}/sync-status", f.projectId())),
                new Route("GET events", 0, (spec, f) -> spec.accept("text/event-stream")
                        .get("/api/projects/{id}/events", f.projectId())),
                new Route("POST generated-assets (JSON)", 200, (spec, f) -> spec.contentType(ContentType.JSON)
                        .body(Api.originalApprovalBody(UUID.randomUUID().toString(), f.projectId(),
                                f.projectId() + "-asset-1", TestImages.png(3, 3)))
                        .post("/api/generated-assets")),
                new Route("POST generated-assets (multipart)", 200, (spec, f) -> spec
                        .multiPart("id", UUID.randomUUID().toString()).multiPart("projectId", f.projectId())
                        .multiPart("assetId", f.projectId() + "-asset-2")
                        .multiPart("image", "a.png", TestImages.png(2, 2), "image/png")
                        .post("/api/generated-assets")),
                new Route("GET generated-asset", 200, (spec, f) -> spec.get("/api/generated-assets/{id}", f.assetId())),
                new Route("PATCH generated-asset", 200, (spec, f) -> spec.contentType(ContentType.JSON)
                        .body(Map.of("status", "rejected")).patch("/api/generated-assets/{id}", f.assetId())),
                new Route("DELETE generated-asset", 200, (spec, f) -> spec.delete("/api/generated-assets/{id}", f.assetId())),
                new Route("GET generated-asset image", 200,
                        (spec, f) -> spec.get("/api/generated-assets/{id}/image", f.assetId())));
    }

    /** Every route, scoped or not. */
    static List<Route> allRoutes() {
        List<Route> routes = new ArrayList<>(scopedRoutes());
        routes.add(new Route("GET /api/projects", 200, (spec, f) -> spec.get("/api/projects")));
        routes.add(new Route("POST /api/projects", 201, (spec, f) -> spec.contentType(ContentType.JSON)
                .body(Map.of("id", TestIds.projectId(), "name", "New")).post("/api/projects")));
        return routes;
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
        return allRoutes().stream().flatMap(route -> refusedCallers().stream().map(caller -> Arguments.of(route, caller)));
    }

    private static Fixture shared;

    private static synchronized Fixture shared() {
        if (shared == null) {
            shared = Fixture.create();
        }
        return shared;
    }

    @ParameterizedTest(name = "{0}: the owner is served")
    @MethodSource("scopedRoutes")
    void theOwnerIsServed(Route route) {
        if (route.ownerStatus() == 0) {
            return; // an event stream answers 200 and never ends: EventsOwnerIsolationTest reads it
        }
        Response response = route.call().apply(given(), Fixture.create());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(route.ownerStatus());
    }

    @ParameterizedTest(name = "{0}: another user gets the 404 of a missing one")
    @MethodSource("scopedRoutes")
    void anotherUserGetsTheSame404AsForSomethingMissing(Route route) {
        Fixture fixture = Fixture.create();
        Response missing = route.call().apply(given(), fixture.missing());
        Response other = route.call().apply(given().spec(TestUsers.as(TestUsers.OTHER_USER)), fixture);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(other.statusCode()).as(other.asString()).isEqualTo(404);
        assertThat(other.asString()).isEqualTo(missing.asString());
        assertUntouched(fixture);
    }

    @ParameterizedTest(name = "{0} with {1}: 401")
    @MethodSource("refusedCalls")
    void aMissingOrUntrustworthyCredentialIs401(Route route, Refused caller) {
        route.call().apply(given().spec(caller.spec().get()), shared()).then()
                .statusCode(401)
                .contentType(ContentType.JSON)
                .header("WWW-Authenticate", not(emptyOrNullString()))
                .body("error", not(emptyOrNullString()));
    }

    @Test
    void theListHoldsOnlyTheCallersProjects() {
        Fixture mine = Fixture.create();
        String theirs = given().spec(TestUsers.as(TestUsers.OTHER_USER)).contentType(ContentType.JSON)
                .body(Map.of("id", TestIds.projectId(), "name", "Theirs")).post("/api/projects")
                .then().statusCode(201).extract().path("project.id");

        List<String> myList = given().queryParam("limit", 1000).get("/api/projects").then().statusCode(200)
                .extract().path("projects.id");
        List<String> theirList = given().spec(TestUsers.as(TestUsers.OTHER_USER)).get("/api/projects")
                .then().statusCode(200).body("projects.userId", not(hasItem(TestUsers.DEFAULT_USER)))
                .extract().path("projects.id");

        assertThat(myList).contains(mine.projectId()).doesNotContain(theirs);
        assertThat(theirList).containsExactly(theirs);
    }

    @Test
    void theOwnerIsTheCallerNotTheUserIdInTheBody() {
        String id = TestIds.projectId();
        given().contentType(ContentType.JSON).body(Map.of("id", id, "name", "Mine", "userId", TestUsers.OTHER_USER))
                .post("/api/projects").then().statusCode(201).body("project.userId", equalTo(TestUsers.DEFAULT_USER));
        given().spec(TestUsers.as(TestUsers.OTHER_USER)).get("/api/projects/{id}", id).then().statusCode(404);
    }

    @Test
    void anAssetIdOfAnotherUsersProjectIsA404NeverA409() {
        Fixture theirs = Fixture.create();
        String myProject = given().spec(TestUsers.as(TestUsers.OTHER_USER)).contentType(ContentType.JSON)
                .body(Map.of("id", TestIds.projectId(), "name", "Mine")).post("/api/projects")
                .then().statusCode(201).extract().path("project.id");

        // The other user reuses the first user's asset id for an upload into their own project.
        given().spec(TestUsers.as(TestUsers.OTHER_USER)).contentType(ContentType.JSON)
                .body(Api.originalApprovalBody(theirs.assetId(), myProject, myProject + "-asset-0", TestImages.png(5, 5)))
                .post("/api/generated-assets")
                .then().statusCode(404).body("error", equalTo("Asset not found"));
        assertUntouched(theirs);
    }

    /** After another user's attempt, the owner finds the project, its name and its asset as they were. */
    private static void assertUntouched(Fixture fixture) {
        given().get("/api/projects/{id}", fixture.projectId()).then().statusCode(200)
                .body("project.name", equalTo(ORIGINAL_NAME));
        given().get("/api/generated-assets/{id}", fixture.assetId()).then().statusCode(200)
                .body("status", equalTo("approved"));
    }

    private static RequestSpecification bearer(String token) {
        return new io.restassured.builder.RequestSpecBuilder().addHeader("Authorization", "Bearer " + token).build();
    }

    private static Map<String, Object> anchorBody() {
        return anchorBody(TestImages.png(4, 4));
    }

    private static Map<String, Object> anchorBody(byte[] image) {
        return new HashMap<>(Map.of("referenceImage", TestImages.base64(image), "styleKeywords", "pixel art",
                "lightingKeywords", "soft", "colorPalette", List.of("#2E7D32"), "model", "flux.2-pro"));
    }
}
