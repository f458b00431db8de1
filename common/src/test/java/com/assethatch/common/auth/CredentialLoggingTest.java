package com.assethatch.common.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.common.auth.testing.AuthTestResource;
import com.assethatch.common.auth.testing.AuthjsCookies;
import com.assethatch.common.auth.testing.TestCredentials;
import com.assethatch.common.testing.LogCapture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * With the security layers logging at DEBUG (see application.properties), refusing and accepting credentials
 * leaves no token, cookie or secret in any log record, message or stack trace.
 */
@QuarkusTest
@WithTestResource(AuthTestResource.class)
class CredentialLoggingTest {

    @Test
    void noCredentialOrSecretEverReachesTheLog() {
        Map<String, String> session = AuthjsCookies.session("logged-user");
        String cookie = session.get(AuthjsCookies.COOKIE_NAME);
        int middle = cookie.length() / 2;
        char other = cookie.charAt(middle) == 'x' ? 'y' : 'x'; // "x" over an "x" forged nothing: 1 run in 64 failed
        String forgedCookie = cookie.substring(0, middle) + other + cookie.substring(middle + 1);
        String valid = TestCredentials.token("logged-user").sign();
        String expired = TestCredentials.token("logged-user").withLifetime(-3600).sign();
        String forged = TestCredentials.hs256WithPublicKey("logged-user");

        List<String> log = capture(() -> {
            given().header("Cookie", AuthjsCookies.header(session)).get("/api/probe/whoami").then().statusCode(200);
            given().header("Cookie", AuthjsCookies.COOKIE_NAME + "=" + forgedCookie).get("/api/probe/whoami")
                    .then().statusCode(401);
            given().header("Authorization", "Bearer " + valid).get("/api/probe/whoami").then().statusCode(200);
            given().header("Authorization", "Bearer " + expired).get("/api/probe/whoami").then().statusCode(401);
            given().header("Authorization", "Bearer " + forged).get("/api/probe/whoami").then().statusCode(401);
        });

        assertThat(log).as("DEBUG logging of the security layers is on, so something is logged").isNotEmpty();
        for (String secretText : List.of(cookie, forgedCookie, valid, expired, forged,
                signatureOf(valid), payloadOf(valid), TestCredentials.sessionSecret())) {
            assertThat(log).noneMatch(line -> line.contains(secretText));
        }
    }

    /** Every record logged while the requests ran, as text: message, parameters and stack trace. */
    private static List<String> capture(Runnable requests) {
        try (LogCapture log = LogCapture.install()) {
            requests.run();
            return log.records().stream().map(CredentialLoggingTest::text).toList();
        }
    }

    private static String text(LogRecord record) {
        StringWriter text = new StringWriter().append(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(' ').append(String.valueOf(parameter));
            }
        }
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(text));
        }
        return text.toString();
    }

    private static String payloadOf(String jwt) {
        return jwt.split("\\.")[1];
    }

    private static String signatureOf(String jwt) {
        return jwt.split("\\.")[2];
    }
}
