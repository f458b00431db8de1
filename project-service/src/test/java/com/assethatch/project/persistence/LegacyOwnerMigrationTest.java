package com.assethatch.project.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What V3 (project owners) does to projects created before it: they go to asset-hatch.auth.legacy-owner when it is
 * set, also when it is set only at a later start (afterMigrate), and otherwise keep no owner; new rows need one.
 * Runs the real migrations in a schema of its own in the test database (the application's tests use "public").
 */
class LegacyOwnerMigrationTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/asset_hatch_test";
    private static final String USER = "asset_hatch";
    private static final String PASSWORD = "asset_hatch";
    private static final String SCHEMA = "legacy_owner_test";

    @AfterEach
    void dropTheSchema() {
        flyway("").clean();
    }

    @Test
    void projectsWithoutAnOwnerGoToTheLegacyOwnerWhenItIsSet() throws SQLException {
        migrateToV2WithProjects();
        flyway("legacy-user").migrate();

        assertThat(ownerOf("old-unowned")).isEqualTo("legacy-user");
        assertThat(ownerOf("old-claimed")).as("an owner a client sent before is kept").isEqualTo("claimed-user");
    }

    @Test
    void withoutALegacyOwnerTheyStayUnownedUntilOneIsSetAtALaterStart() throws SQLException {
        migrateToV2WithProjects();
        flyway("").migrate();
        assertThat(ownerOf("old-unowned")).isNull();

        flyway("later-user").migrate(); // nothing to migrate: afterMigrate runs all the same
        assertThat(ownerOf("old-unowned")).isEqualTo("later-user");
    }

    /**
     * Giving each legacy project its owner changes its row, and V5's trigger takes the project's change-log lock until
     * the end of the transaction: all of them in one transaction need more locks than Postgres's lock table holds
     * ("out of shared memory", "You might need to increase max_locks_per_transaction"). Twice the lock table's size
     * at this server's settings, so the test means the same on a server with more connections.
     */
    @Test
    void moreLegacyProjectsThanTheLockTableHoldsAllGetTheirOwner() throws SQLException {
        Flyway.configure().configuration(flyway("").getConfiguration()).target(MigrationVersion.fromVersion("2"))
                .load().migrate();
        long projects = 2 * lockTableSize();
        execute("INSERT INTO project (id, name) SELECT 'bulk-' || n, 'Bulk' FROM generate_series(1, " + projects + ") n");
        flyway("").migrate();

        flyway("bulk-user").migrate();

        assertThat(count("owner_id = 'bulk-user'")).isEqualTo(projects);
        assertThat(count("owner_id IS NULL")).isZero();
    }

    @Test
    void aNewProjectWithoutAnOwnerIsRefused() throws SQLException {
        migrateToV2WithProjects();
        flyway("").migrate();

        assertThatThrownBy(() -> execute("INSERT INTO project (id, name) VALUES ('new-unowned', 'New')"))
                .hasMessageContaining("project_owner_required");
    }

    private void migrateToV2WithProjects() throws SQLException {
        Flyway.configure().configuration(flyway("").getConfiguration()).target(MigrationVersion.fromVersion("2"))
                .load().migrate();
        execute("INSERT INTO project (id, name) VALUES ('old-unowned', 'Old')");
        execute("INSERT INTO project (id, name, owner_id) VALUES ('old-claimed', 'Claimed', 'claimed-user')");
    }

    /** The migrations as project-service runs them, with its placeholders ("owner:" + the setting). */
    private static Flyway flyway(String legacyOwner) {
        return Flyway.configure()
                .dataSource(URL, USER, PASSWORD)
                .schemas(SCHEMA)
                .locations("classpath:db/migration")
                .placeholders(Map.of("export_role", "asset_hatch_export", "legacy_owner", "owner:" + legacyOwner))
                .cleanDisabled(false)
                .load();
    }

    /** Lock entries the server's shared lock table is sized for (the formula of the max_locks_per_transaction docs). */
    private static long lockTableSize() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT current_setting('max_locks_per_transaction')::bigint
                               * (current_setting('max_connections')::int + current_setting('max_prepared_transactions')::int
                                  + current_setting('autovacuum_max_workers')::int
                                  + current_setting('max_worker_processes')::int
                                  + current_setting('max_wal_senders')::int + 1)""")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long count(String condition) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM " + SCHEMA + ".project WHERE " + condition)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String ownerOf(String projectId) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT owner_id FROM " + SCHEMA + ".project WHERE id = '" + projectId + "'")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + SCHEMA);
            statement.execute(sql);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }
}
