package com.assethatch.export.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Builds the schema before the application starts, with project-service's own migrations (export-service
 * never migrates): clean + migrate as the owner role, then the app connects as the read-only export role.
 */
public class ExportDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String JDBC_URL = System.getProperty("asset-hatch.export-test.jdbc-url",
            "jdbc:postgresql://127.0.0.1:5432/asset_hatch_export_test");
    public static final String OWNER = "asset_hatch";
    public static final String OWNER_PASSWORD = "asset_hatch";
    public static final String EXPORT_ROLE = "asset_hatch_export";
    public static final String EXPORT_PASSWORD = "asset_hatch_export";
    private static final Path MIGRATIONS = Path.of("project-service", "src", "main", "resources", "db", "migration");

    @Override
    public Map<String, String> start() {
        migrate(JDBC_URL);
        return Map.of(
                "quarkus.datasource.reactive.url", JDBC_URL.substring("jdbc:".length()),
                "quarkus.datasource.username", EXPORT_ROLE,
                "quarkus.datasource.password", EXPORT_PASSWORD);
    }

    /** Cleans and migrates the database at {@code jdbcUrl} as the owner role, granting the export role its reads. */
    public static void migrate(String jdbcUrl) {
        Flyway flyway = Flyway.configure()
                .dataSource(jdbcUrl, OWNER, OWNER_PASSWORD)
                .locations("filesystem:" + migrations())
                .placeholders(Map.of("export_role", EXPORT_ROLE, "legacy_owner", "owner:"))
                .cleanDisabled(false)
                .load();
        flyway.clean();
        flyway.migrate();
    }

    @Override
    public void stop() {
        // The data stays for inspection; the next run cleans it.
    }

    /** project-service's migrations, found from the module directory (or the repository root) upwards. */
    static Path migrations() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(MIGRATIONS);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find " + MIGRATIONS + " above " + Path.of("").toAbsolutePath());
    }
}
