package com.assethatch.project.launch;

import com.assethatch.project.storage.ImageMigration;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * project-service's entry point. Without arguments it serves until stopped, as usual. With {@code migrate-images}
 * it moves image bytes from Postgres rows into the configured image store and exits (0 when every row moved):
 * {@code java -jar quarkus-run.jar migrate-images [max-rows]}, or {@code scripts/migrate-images}.
 */
@QuarkusMain
public class ProjectServiceMain implements QuarkusApplication {

    static final String MIGRATE_IMAGES = "migrate-images";

    private final ImageMigration migration;

    public ProjectServiceMain(ImageMigration migration) {
        this.migration = migration;
    }

    @Override
    public int run(String... args) {
        if (args.length > 0 && MIGRATE_IMAGES.equals(args[0])) {
            int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
            ImageMigration.Result result = migration.run(limit);
            System.out.printf("migrate-images: moved %d, failed %d, still in rows %d%n", result.moved(), result.failed(),
                    result.remaining());
            return result.failed() == 0 ? 0 : 1;
        }
        Quarkus.waitForExit();
        return 0;
    }
}
