package com.assethatch.e2e.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Postgres 15 cluster of the test's own ({@code initdb} in a temporary directory, {@code pg_ctl} on a spare port,
 * trust authentication on loopback), so the test may stop, restart and pause it. Run as the {@code postgres} OS user
 * when the test runs as root (Postgres refuses root). Holds the roles and database the services expect.
 */
final class OwnPostgres implements AutoCloseable {

    private static final Path BINARIES = Path.of(System.getProperty("e2e.postgres-bin", "/usr/lib/postgresql/15/bin"));
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    static final String DATABASE = "asset_hatch";
    static final String APP_ROLE = "asset_hatch";
    static final String EXPORT_ROLE = "asset_hatch_export";

    private final Path dataDir;
    private final Path log;
    final int port;

    private OwnPostgres(Path dataDir, Path log, int port) {
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
    }

    static OwnPostgres start(int port) throws IOException, InterruptedException, SQLException {
        Path home = Files.createTempDirectory("ah-fault-pg-");
        OwnPostgres postgres = new OwnPostgres(home.resolve("data"), home.resolve("postgres.log"), port);
        if (runningAsRoot()) {
            run(List.of("chown", "postgres:postgres", home.toString()));
        }
        postgres.asOwner("initdb", "-D", postgres.dataDir.toString(), "--auth=trust", "--username=postgres", "-E", "UTF8");
        postgres.startServer();
        postgres.execute("CREATE ROLE " + APP_ROLE + " LOGIN PASSWORD 'asset_hatch'");
        postgres.execute("CREATE ROLE " + EXPORT_ROLE + " LOGIN PASSWORD 'asset_hatch_export'");
        postgres.execute("ALTER ROLE " + EXPORT_ROLE + " SET default_transaction_read_only = on");
        postgres.execute("CREATE DATABASE " + DATABASE + " OWNER " + APP_ROLE);
        return postgres;
    }

    String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    String jdbcUrl() {
        return "jdbc:" + reactiveUrl();
    }

    void startServer() throws IOException, InterruptedException {
        asOwner("pg_ctl", "-D", dataDir.toString(), "-l", log.toString(), "-w", "-t", "60", "start",
                "-o", "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                        + " -c fsync=off -c full_page_writes=off");
    }

    /** A clean shutdown (clients are disconnected), as an operator's restart does. */
    void stopServer() throws IOException, InterruptedException {
        asOwner("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
    }

    /** Freezes every process of the cluster (postmaster first, so it forks no new backend); {@link #resume} thaws them. */
    void pause() throws IOException, InterruptedException {
        List<String> pids = clusterPids();
        signal("STOP", pids);
    }

    void resume() throws IOException, InterruptedException {
        List<String> pids = new ArrayList<>(clusterPids());
        java.util.Collections.reverse(pids);
        signal("CONT", pids);
    }

    /** One row, one column of a query run as the superuser, e.g. a count. */
    long queryLong(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The first column of every row, as text. */
    List<String> queryStrings(String sql, Object... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    /** The version of every row of {@code table} whose id is in {@code ids}, by id (one query). */
    Map<String, String> versionsById(String table, List<String> ids) throws SQLException {
        Map<String, String> versions = new HashMap<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT id, version::text FROM " + table + " WHERE id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    versions.put(result.getString(1), result.getString(2));
                }
            }
        }
        return versions;
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")) {
            connection.createStatement().execute(sql);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            resume();
        } catch (IOException | RuntimeException ignored) {
            // not running
        }
        Process stop = owner("pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop").start();
        stop.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        run(List.of("rm", "-rf", dataDir.getParent().toString()));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** The postmaster (first line of postmaster.pid) and its children. */
    private List<String> clusterPids() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        List<String> pids = new ArrayList<>(List.of(Long.toString(postmaster)));
        ProcessHandle.of(postmaster).ifPresent(handle ->
                handle.children().forEach(child -> pids.add(Long.toString(child.pid()))));
        return pids;
    }

    private static void signal(String signal, List<String> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        command.addAll(pids);
        run(command);
    }

    private void asOwner(String binary, String... arguments) throws IOException, InterruptedException {
        Process process = owner(binary, arguments).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.getParent().resolve("commands.log").toFile()))
                .start();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(binary + " failed; see " + dataDir.getParent().resolve("commands.log")
                    + " and " + log);
        }
    }

    private ProcessBuilder owner(String binary, String... arguments) {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(BINARIES.resolve(binary).toString());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
