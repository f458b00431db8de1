package com.assethatch.common.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local conventions end to end: the application configured only from .local/auth.env (as scripts/infra
 * writes it, under the environment variable names the services read) accepts both lines scripts/token prints.
 * Skipped where scripts/infra has not run (it always runs before ./mvnw verify in .ci/run).
 */
@QuarkusTest
@TestProfile(LocalDevCredentialsTest.FromLocalAuthEnv.class)
class LocalDevCredentialsTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final Path AUTH_ENV = REPOSITORY.resolve(".local/auth.env");

    /** AUTH_SECRET as is (common's default expression reads it); the MP_JWT_* names as the properties they mean. */
    public static class FromLocalAuthEnv implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            if (Files.isRegularFile(AUTH_ENV)) {
                for (String line : read(AUTH_ENV)) {
                    int equals = line.indexOf('=');
                    if (line.startsWith("#") || equals < 0) {
                        continue;
                    }
                    String name = line.substring(0, equals);
                    String value = line.substring(equals + 1);
                    config.put(name.startsWith("MP_JWT_") ? name.toLowerCase(Locale.ROOT).replace('_', '.') : name,
                            value);
                }
            }
            return config;
        }
    }

    @BeforeAll
    static void needsScriptsInfra() {
        Assumptions.assumeTrue(Files.isRegularFile(AUTH_ENV), "scripts/infra has not written .local/auth.env");
    }

    @Test
    void bothLinesOfScriptsTokenAreAccepted() throws Exception {
        List<String> lines = run(REPOSITORY.resolve("scripts/token").toString(), "local-alice");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("Authorization: Bearer ");
        assertThat(lines.get(1)).startsWith("Cookie: authjs.session-token=");

        given().header("Authorization", lines.get(0).substring("Authorization: ".length())).get("/api/probe/whoami")
                .then().statusCode(200).body("userId", equalTo("local-alice"));
        given().header("Cookie", lines.get(1).substring("Cookie: ".length())).get("/api/probe/whoami")
                .then().statusCode(200).body("userId", equalTo("local-alice"));
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return output.lines().toList();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
