package com.assethatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.assethatch.e2e.support.LocalAuth;
import com.assethatch.e2e.support.LocalProcesses;
import com.assethatch.e2e.support.LocalProcesses.Running;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real browser, end to end: Debian's headless Chromium (driven by e2e/browser/flow.mjs with playwright-core) loads a
 * frontend page that is served by its own server, as the Next.js app at :3000 would be, and does the whole flow with
 * the generated typed client through the gateway: create a project, store a plan, open an EventSource and see a
 * PATCH's event arrive, upload an image as multipart from a Blob, approve it, download the export with fetch and find
 * the image in the ZIP. It then checks that both Swagger UIs render their operations through the gateway.
 *
 * <p>Twice: with the page opened through the gateway (its frontend upstream serves it; the API is on the same
 * origin, as the original frontend expects) and from the page server's own origin (the API is another origin:
 * CORS). Screenshots go to target/e2e/browser/. Needs what scripts/infra installs (nginx, chromium, npm ci).
 */
class BrowserFlowIT {

    private static final Path WORK = Path.of(System.getProperty("e2e.work-dir", "target/e2e"), "browser").toAbsolutePath();
    private static final Path BROWSER_TEST = LocalProcesses.ROOT.resolve("e2e/browser");
    private static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(3);

    private static LocalProcesses processes;
    private static Running pageServer;
    private static Running gateway;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void buildThePageAndStartEverything() throws Exception {
        requireInstalled();
        processes = new LocalProcesses(WORK);
        Path page = WORK.resolve("page");
        run("build the page", List.of("node", BROWSER_TEST.resolve("build.mjs").toString(), page.toString()));
        pageServer = processes.startStaticServer("page-server", page);
        Map<String, String> corsForThePage = Map.of("ASSET_HATCH_CORS_ORIGINS", pageServer.origin());
        Running project = processes.startProjectService(corsForThePage);
        Running export = processes.startExportService(corsForThePage);
        gateway = processes.startGateway("gateway", "127.0.0.1:" + project.port(), "127.0.0.1:" + export.port(),
                pageServer.origin(), Map.of());
    }

    @AfterAll
    static void stopAll() {
        if (processes != null) {
            processes.close();
        }
    }

    @Test
    void aPageBehindTheGatewayDoesTheWholeFlowOnOneOrigin() throws Exception {
        JsonNode result = browse("same");
        assertThat(result.get("pageOrigin").asText()).isEqualTo(gateway.origin());
        assertTheWholeFlowRan(result);
    }

    @Test
    void aPageOnItsOwnOriginDoesTheWholeFlowAcrossOrigins() throws Exception {
        JsonNode result = browse("cross");
        assertThat(result.get("pageOrigin").asText()).isEqualTo(pageServer.origin());
        assertTheWholeFlowRan(result);
    }

    private void assertTheWholeFlowRan(JsonNode result) {
        JsonNode flow = result.get("flow");
        assertThat(flow.get("steps")).as("steps the page reported").hasSize(7);
        assertThat(flow.get("zipEntries").get(0).asText()).isEqualTo("manifest.json");
        assertThat(flow.get("imageEntry").asText()).endsWith(".png");
        List<String> uis = new ArrayList<>();
        result.get("swagger").forEach(ui -> {
            assertThat(ui.get("operations").asInt()).as("operations shown by %s's Swagger UI", ui.get("service")).isPositive();
            uis.add(ui.get("service").asText());
        });
        assertThat(uis).containsExactly("project-service", "export-service");
        assertThat(result.get("consoleErrors")).as("errors in the browser console").isEmpty();
    }

    /** Runs flow.mjs; its last output line is the JSON result. */
    private JsonNode browse(String api) throws Exception {
        // Signed in as the real frontend is: the Auth.js session cookie (from scripts/token) on the gateway's origin.
        String output = run("the browser flow (--api " + api + ")", List.of("node", BROWSER_TEST.resolve("flow.mjs").toString(),
                "--page", pageServer.origin() + "/index.html", "--gateway", gateway.origin(), "--api", api,
                "--out", WORK.resolve("screenshots").toString(), "--chromium", CHROMIUM.toString()),
                Map.of("E2E_SESSION_COOKIE", LocalAuth.credentials(LocalAuth.E2E_USER).cookie()));
        String[] lines = output.strip().split("\n");
        JsonNode result = json.readTree(lines[lines.length - 1]);
        System.out.printf("[e2e] browser flow (--api %s): %s%n", api, result.get("flow").get("steps"));
        return result;
    }

    private static String run(String what, List<String> command) throws IOException, InterruptedException {
        return run(what, command, Map.of());
    }

    private static String run(String what, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path log = WORK.resolve(what.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        Files.createDirectories(WORK);
        ProcessBuilder builder = new ProcessBuilder(command).directory(LocalProcesses.ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(BROWSER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(what + " did not finish within " + BROWSER_TIMEOUT + ":\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            if (processes != null) {
                processes.printLogs();
            }
            fail(what + " failed with exit code " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    /** Fails (never skips) when what scripts/infra installs is missing. */
    private static void requireInstalled() {
        assertThat(CHROMIUM).as("Chromium (scripts/infra installs Debian's chromium)").isExecutable();
        assertThat(LocalProcesses.ROOT.resolve("node_modules/playwright-core/package.json"))
                .as("playwright-core (scripts/infra runs npm ci)").isRegularFile();
    }
}
