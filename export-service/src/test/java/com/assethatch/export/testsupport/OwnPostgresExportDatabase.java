package com.assethatch.export.testsupport;

import com.assethatch.common.testing.OwnPostgresCluster;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The export schema in a Postgres cluster the test owns (and may stop and restart), migrated as
 * {@link ExportDatabase} does; the service reads it as the export role. {@link #cluster()} is the running one.
 */
public class OwnPostgresExportDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "asset_hatch_export_test";
    private static volatile OwnPostgresCluster cluster;

    public static OwnPostgresCluster cluster() {
        return cluster;
    }

    @Override
    public Map<String, String> start() {
        cluster = OwnPostgresCluster.start();
        cluster.createDatabase(DATABASE, ExportDatabase.OWNER);
        cluster.createRole(ExportDatabase.EXPORT_ROLE);
        ExportDatabase.migrate("jdbc:" + cluster.url(DATABASE));
        // jdbc.url itself, not reactive.url it is made from: ExportDatabase (applied to every test) sets that one.
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:" + cluster.url(DATABASE),
                "quarkus.datasource.username", ExportDatabase.EXPORT_ROLE,
                "quarkus.datasource.password", ExportDatabase.EXPORT_PASSWORD);
    }

    @Override
    public void stop() {
        cluster.close();
        cluster = null;
    }

    /** The profile for tests that restart the database. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnPostgresExportDatabase.class));
        }
    }
}
