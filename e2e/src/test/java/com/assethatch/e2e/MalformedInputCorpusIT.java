package com.assethatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.e2e.corpus.CorpusRun;
import com.assethatch.e2e.support.LocalProcesses;
import com.assethatch.e2e.support.LocalProcesses.Running;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The malformed-input corpus (e2e/src/test/resources/corpus, see its README) against every route of both packaged
 * services, the routes read from the committed openapi/*.yaml. Any 5xx, hang, dropped connection or error body
 * outside the error shape fails the build; a summary line gives the corpus size and the number of requests.
 */
class MalformedInputCorpusIT {

    private static final Path WORK = Path.of(System.getProperty("e2e.work-dir", "target/e2e")).toAbsolutePath()
            .resolve("corpus");
    private static final int SHOWN_FAULTS = 150;

    @Test
    void noRouteOfEitherServiceAnswersHostileInputWithA5xxAHangOrAnotherErrorShape() throws Exception {
        try (LocalProcesses processes = new LocalProcesses(WORK)) {
            Running project = processes.startService("project-service", LocalProcesses.projectServiceSettings(Map.of()));
            Running export = processes.startService("export-service", LocalProcesses.exportServiceSettings(Map.of()));
            processes.awaitReady(project);
            processes.awaitReady(export);
            CorpusRun.Result result;
            try {
                result = new CorpusRun(LocalProcesses.ROOT, Map.of("project-service", project, "export-service", export))
                        .run();
            } catch (Throwable e) {
                processes.printLogs();
                throw e;
            }
            System.out.println(result.summary());
            List<String> faults = result.faults();
            java.nio.file.Files.write(WORK.resolve("faults.txt"), faults);
            if (!faults.isEmpty() || !project.process().isAlive() || !export.process().isAlive()) {
                processes.printLogs();
            }
            assertThat(project.process().isAlive()).as("project-service still running").isTrue();
            assertThat(export.process().isAlive()).as("export-service still running").isTrue();
            assertThat(faults).as("%s; the first faults:%n%s", result.summary(),
                    String.join("\n", faults.subList(0, Math.min(faults.size(), SHOWN_FAULTS)))).isEmpty();
        }
    }
}
