package com.assethatch.common.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.assethatch.common.auth.testing.AuthTestResource;
import com.assethatch.common.auth.testing.AuthjsCookies;
import com.assethatch.common.auth.testing.AuthjsCookies.Session;
import com.assethatch.common.auth.testing.TestCredentials;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real mechanism over HTTP, on a test-only route under /api that needs a caller (as the services' routes will):
 * Auth.js session cookies minted by @auth/core itself, and Bearer JWTs of every good and bad kind.
 */
@QuarkusTest
@WithTestResource(AuthTestResource.class)
class AuthenticationTest {

    private static final String WHOAMI = "/api/probe/whoami";
    private static final String WHOAMI_REACTIVE = "/api/probe/whoami-reactive";
    private static final String MISSING = Unauthorized.MISSING_CREDENTIAL;
    private static final String BEARER_NOT_VALID = "Unauthorized: the bearer token is not valid";
    private static final String COOKIE_NOT_VALID = "Unauthorized: the session cookie is not valid";
    private static final String BIG_PICTURE = "https://avatars.example/" + "x".repeat(6000);

    private static final Map<String, Session> SESSIONS = new LinkedHashMap<>();
    private static final Map<String, Map<String, String>> COOKIES = new LinkedHashMap<>();

    static {
        SESSIONS.put("alice", Session.of("alice"));
        SESSIONS.put("big", Session.of("bob").withToken(Map.of("id", "bob", "picture", BIG_PICTURE)));
        SESSIONS.put("secure", Session.of("carol").withCookieName(AuthjsCookies.SECURE_COOKIE_NAME));
        SESSIONS.put("sub only", Session.of("x").withToken(Map.of("sub", "dave")));
        SESSIONS.put("expired", Session.of("alice").withMaxAge(-120));
        SESSIONS.put("other secret", Session.of("alice").withSecret("not-the-secret-of-this-service-0123456789"));
    }

    @BeforeAll
    static void mintSessionsWithAuthjs() {
        List<Map<String, String>> minted = AuthjsCookies.mint(List.copyOf(SESSIONS.values()));
        int i = 0;
        for (String name : SESSIONS.keySet()) {
            COOKIES.put(name, minted.get(i++));
        }
    }

    // --- Auth.js session cookie ---------------------------------------------------------------------------------

    @Test
    void authjsCookieFromAuthjsCoreIsAcceptedAsItsUser() {
        callWithCookies(COOKIES.get("alice")).then().statusCode(200).body("userId", equalTo("alice"));
    }

    @Test
    void theSameCookieWithOneByteChangedIsRefused() {
        String token = COOKIES.get("alice").get(AuthjsCookies.COOKIE_NAME);
        int middle = token.length() / 2;
        while (token.charAt(middle) == '.') {
            middle++;
        }
        String tampered = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A')
                + token.substring(middle + 1);

        assertUnauthorized(callWithCookies(Map.of(AuthjsCookies.COOKIE_NAME, tampered)), COOKIE_NOT_VALID, tampered);
    }

    @Test
    void chunkedCookiesAreJoinedBeforeDecrypting() {
        Map<String, String> chunks = COOKIES.get("big");
        assertThat(chunks).containsKeys(AuthjsCookies.COOKIE_NAME + ".0", AuthjsCookies.COOKIE_NAME + ".1");

        callWithCookies(chunks).then().statusCode(200).body("userId", equalTo("bob"));
    }

    @Test
    void oneChunkMissingIsRefused() {
        Map<String, String> firstChunkOnly = Map.of(AuthjsCookies.COOKIE_NAME + ".0",
                COOKIES.get("big").get(AuthjsCookies.COOKIE_NAME + ".0"));

        assertUnauthorized(callWithCookies(firstChunkOnly), COOKIE_NOT_VALID, null);
    }

    @Test
    void secureCookieOverHttpsIsAccepted() {
        callWithCookies(COOKIES.get("secure")).then().statusCode(200).body("userId", equalTo("carol"));
    }

    @Test
    void cookieWithoutIdClaimFallsBackToSub() {
        callWithCookies(COOKIES.get("sub only")).then().statusCode(200).body("userId", equalTo("dave"));
    }

    @Test
    void expiredCookieIsRefused() {
        assertUnauthorized(callWithCookies(COOKIES.get("expired")), "Unauthorized: the session cookie has expired", null);
    }

    @Test
    void cookieOfAnotherAuthSecretIsRefused() {
        assertUnauthorized(callWithCookies(COOKIES.get("other secret")), COOKIE_NOT_VALID, null);
    }

    // --- Bearer JWT ---------------------------------------------------------------------------------------------

    @Test
    void rs256BearerIsAcceptedAsItsSubject() {
        callWithBearer(TestCredentials.token("erin").sign()).then().statusCode(200).body("userId", equalTo("erin"));
    }

    @Test
    void es256BearerIsAccepted() {
        callWithBearer(TestCredentials.token("frank").es256().sign()).then().statusCode(200)
                .body("userId", equalTo("frank"));
    }

    @Test
    void algNoneIsRefused() {
        String unsigned = TestCredentials.unsigned("mallory");
        assertThat(unsigned).endsWith(".");

        assertUnauthorized(callWithBearer(unsigned), BEARER_NOT_VALID, unsigned);
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() {
        String forged = TestCredentials.hs256WithPublicKey("mallory");

        assertUnauthorized(callWithBearer(forged), BEARER_NOT_VALID, forged);
    }

    @Test
    void wrongIssuerIsRefused() {
        assertUnauthorized(callWithBearer(TestCredentials.token("erin").withIssuer("https://evil.example").sign()),
                BEARER_NOT_VALID, null);
    }

    @Test
    void wrongAudienceIsRefused() {
        assertUnauthorized(callWithBearer(TestCredentials.token("erin").withAudience("another-service").sign()),
                BEARER_NOT_VALID, null);
    }

    @Test
    void expiredBearerIsRefusedAndSaysSo() {
        Response response = callWithBearer(TestCredentials.token("erin").withLifetime(-3600).sign());

        assertUnauthorized(response, "Unauthorized: the bearer token has expired", null);
        assertThat(response.headers().getValues("WWW-Authenticate")).contains(
                "Bearer realm=\"asset-hatch\", error=\"invalid_token\", "
                        + "error_description=\"Unauthorized: the bearer token has expired\"");
    }

    @Test
    void badSignatureIsRefused() {
        String forged = TestCredentials.withBadSignature(TestCredentials.token("erin").sign());

        assertUnauthorized(callWithBearer(forged), BEARER_NOT_VALID, forged);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30."})
    void malformedBearerIsRefused(String token) {
        assertUnauthorized(callWithBearer(token), BEARER_NOT_VALID, null);
    }

    @Test
    void anInvalidBearerIsNotRescuedByAValidCookie() {
        Response response = given().header("Authorization", "Bearer garbage")
                .header("Cookie", AuthjsCookies.header(COOKIES.get("alice"))).get(WHOAMI);

        assertUnauthorized(response, BEARER_NOT_VALID, null);
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        given().header("Authorization", "bearer " + TestCredentials.token("erin").sign()).get(WHOAMI)
                .then().statusCode(200).body("userId", equalTo("erin"));
    }

    // --- No credential, and what stays open ---------------------------------------------------------------------

    @Test
    void noCredentialIsA401InTheErrorShapeWithBothChallenges() {
        Response response = given().get(WHOAMI);

        assertUnauthorized(response, MISSING, null);
        assertThat(response.headers().getValues("WWW-Authenticate")).containsExactly(
                "Bearer realm=\"asset-hatch\"",
                "Cookie realm=\"asset-hatch\", cookie-name=\"authjs.session-token\"");
    }

    @Test
    void otherAuthorizationSchemesCountAsNoCredential() {
        assertUnauthorized(given().header("Authorization", "Basic YWxpY2U6c2VjcmV0").get(WHOAMI), MISSING, null);
    }

    @Test
    void reactiveRoutesGetTheCallerOnTheEventLoop() {
        callWithBearer(TestCredentials.token("erin").sign(), WHOAMI_REACTIVE).then().statusCode(200)
                .body("userId", equalTo("erin"))
                .body("thread", containsString("vert.x-eventloop"));
        assertUnauthorized(given().get(WHOAMI_REACTIVE), MISSING, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/"})
    void healthMetricsAndApiDocsStayOpenEvenWithABadCredential(String path) {
        given().get(path).then().statusCode(200);
        given().header("Cookie", AuthjsCookies.COOKIE_NAME + "=forged").get(path).then().statusCode(200);
        given().header("Authorization", "Bearer forged").get(path).then().statusCode(200);
    }

    private static Response callWithCookies(Map<String, String> cookies) {
        return given().header("Cookie", AuthjsCookies.header(cookies)).get(WHOAMI);
    }

    private static Response callWithBearer(String token) {
        return callWithBearer(token, WHOAMI);
    }

    private static Response callWithBearer(String token, String path) {
        RequestSpecification request = given().header("Authorization", "Bearer " + token);
        return request.get(path);
    }

    /** 401, the error shape as JSON, a Bearer challenge and the cookie hint, and never the credential echoed. */
    private static void assertUnauthorized(Response response, String message, String credential) {
        response.then().statusCode(401)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("error", equalTo(message))
                .body("size()", equalTo(1));
        assertThat(response.headers().getValues("WWW-Authenticate"))
                .anyMatch(challenge -> challenge.startsWith("Bearer realm=\"asset-hatch\""))
                .contains("Cookie realm=\"asset-hatch\", cookie-name=\"authjs.session-token\"");
        if (credential != null && !credential.isEmpty()) {
            assertThat(response.asString()).doesNotContain(credential);
        }
    }
}
