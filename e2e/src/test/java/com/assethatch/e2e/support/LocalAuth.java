package com.assethatch.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Authentication for end-to-end runs, by the repository's own conventions (README "Authentication"): the packaged
 * services get the settings of {@code .local/auth.env} (written by scripts/infra) in their environment, and
 * credentials come from {@code scripts/token <user>}, exactly as a developer or the demo gets them.
 */
public final class LocalAuth {

    /** The user the e2e flows act as. */
    public static final String E2E_USER = "e2e-user";
    private static final Path AUTH_ENV = LocalProcesses.ROOT.resolve(".local/auth.env");
    private static final String AUTHORIZATION_PREFIX = "Authorization: ";
    private static final String COOKIE_PREFIX = "Cookie: ";
    private static final long TOKEN_TIMEOUT_SECONDS = 120;
    private static final Map<String, Credentials> MINTED = new ConcurrentHashMap<>();

    /** The two lines of scripts/token, without their header names. */
    public record Credentials(String authorization, String cookie) {
    }

    private LocalAuth() {
    }

    /** The KEY=VALUE lines of .local/auth.env, for a service's environment. */
    public static Map<String, String> environment() {
        assertThat(AUTH_ENV).as(".local/auth.env (scripts/infra writes it)").isRegularFile();
        Map<String, String> settings = new HashMap<>();
        try {
            for (String line : Files.readAllLines(AUTH_ENV, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals > 0) {
                    settings.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + AUTH_ENV, e);
        }
        return settings;
    }

    /** {@code Authorization} and {@code Cookie} values for the user, valid for an hour (minted once per run). */
    public static Credentials credentials(String userId) {
        return MINTED.computeIfAbsent(userId, LocalAuth::mint);
    }

    /** The e2e user's {@code Authorization} header value. */
    public static String authorization() {
        return credentials(E2E_USER).authorization();
    }

    private static Credentials mint(String userId) {
        try {
            Process token = new ProcessBuilder("bash", LocalProcesses.ROOT.resolve("scripts/token").toString(), userId)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!token.waitFor(TOKEN_TIMEOUT_SECONDS, TimeUnit.SECONDS) || token.exitValue() != 0) {
                throw new IllegalStateException("scripts/token " + userId + " failed (see stderr)");
            }
            List<String> lines = output.strip().lines().toList();
            assertThat(lines).as("scripts/token prints two lines").hasSize(2);
            assertThat(lines.get(0)).startsWith(AUTHORIZATION_PREFIX);
            assertThat(lines.get(1)).startsWith(COOKIE_PREFIX);
            return new Credentials(lines.get(0).substring(AUTHORIZATION_PREFIX.length()),
                    lines.get(1).substring(COOKIE_PREFIX.length()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run scripts/token", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
