package com.assethatch.common.auth.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The original frontend's session cookie, minted by Auth.js itself: {@code encode} from {@code @auth/core/jwt}
 * (and Auth.js's cookie chunking) run under Node by {@code scripts/authjs/mint.mjs}. The first call installs the
 * script's locked packages with {@code npm ci} when they are missing (that needs the npm registry).
 */
public final class AuthjsCookies {

    public static final String COOKIE_NAME = "authjs.session-token";
    public static final String SECURE_COOKIE_NAME = "__Secure-" + COOKIE_NAME;
    private static final Path HELPER = Path.of("scripts", "authjs");
    private static final long NPM_TIMEOUT_SECONDS = 300;
    private static final long NODE_TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthjsCookies() {
    }

    /** The cookies (name to value, in order) of a session for this user, valid for an hour, under the test secret. */
    public static Map<String, String> session(String userId) {
        return mint(Session.of(userId));
    }

    /** One session; see {@link #mint(List)}. */
    public static Map<String, String> mint(Session session) {
        return mint(List.of(session)).get(0);
    }

    /**
     * Auth.js's {@code encode({token, secret, salt: cookieName, maxAge})} for each session, chunked as Auth.js
     * chunks cookies over 4 KB, all in one Node run (each start costs about a second).
     */
    public static List<Map<String, String>> mint(List<Session> sessions) {
        try {
            return JSON.readValue(node("sessions", sessions), new TypeReference<List<Map<String, String>>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("mint.mjs printed something else than cookies", e);
        }
    }

    /** The {@code Cookie} request header carrying these cookies. */
    public static String header(Map<String, String> cookies) {
        return String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList());
    }

    /** What Auth.js's encode gets. A negative maxAge gives a token that expired that many seconds ago. */
    public record Session(Map<String, Object> token, String cookieName, long maxAge, String secret) {

        public static Session of(String userId) {
            return new Session(Map.of("id", userId), COOKIE_NAME, 3600, TestCredentials.sessionSecret());
        }

        public Session withToken(Map<String, Object> otherToken) {
            return new Session(otherToken, cookieName, maxAge, secret);
        }

        public Session withCookieName(String otherCookieName) {
            return new Session(token, otherCookieName, maxAge, secret);
        }

        public Session withMaxAge(long seconds) {
            return new Session(token, cookieName, seconds, secret);
        }

        public Session withSecret(String otherSecret) {
            return new Session(token, cookieName, maxAge, otherSecret);
        }
    }

    private static String node(String kind, Object request) {
        Path helper = helperDirectory();
        try {
            installPackagesIfMissing(helper);
            Process node = new ProcessBuilder("node", "mint.mjs", kind).directory(helper.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream stdin = node.getOutputStream()) {
                stdin.write(JSON.writeValueAsBytes(request));
            }
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new IllegalStateException("node mint.mjs " + kind + " failed (see stderr)");
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run node (Node 20 must be installed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void installPackagesIfMissing(Path helper) throws IOException, InterruptedException {
        if (Files.isDirectory(helper.resolve("node_modules/@auth/core"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(helper.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!npm.waitFor(NPM_TIMEOUT_SECONDS, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci in " + helper + " failed: it needs the npm registry once");
        }
    }

    /** scripts/authjs of this repository, found from the module's working directory upwards. */
    private static Path helperDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(HELPER).resolve("package.json"))) {
                return dir.resolve(HELPER);
            }
        }
        throw new IllegalStateException("No " + HELPER + "/package.json above " + Path.of("").toAbsolutePath());
    }
}
