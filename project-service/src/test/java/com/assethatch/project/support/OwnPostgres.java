package com.assethatch.project.support;

import com.assethatch.common.testing.OwnPostgresCluster;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Runs the service against a Postgres cluster the test owns (and may stop and restart): the schema is migrated
 * into it at start as usual. {@link #cluster()} is the running one.
 */
public class OwnPostgres implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "asset_hatch_test";
    private static final String OWNER = "asset_hatch";
    private static volatile OwnPostgresCluster cluster;

    public static OwnPostgresCluster cluster() {
        return cluster;
    }

    @Override
    public Map<String, String> start() {
        cluster = OwnPostgresCluster.start();
        cluster.createDatabase(DATABASE, OWNER);
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:" + cluster.url(DATABASE),
                "quarkus.datasource.reactive.url", cluster.url(DATABASE));
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
            return List.of(new TestResourceEntry(OwnPostgres.class));
        }
    }
}
