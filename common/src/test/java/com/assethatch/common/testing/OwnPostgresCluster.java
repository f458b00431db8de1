package com.assethatch.common.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Postgres cluster that belongs to the test: {@code initdb} in a temporary directory, {@code pg_ctl} on a spare
 * loopback port, trust authentication. Tests stop and start it at will (a database restart, as operators do it);
 * the machine's Postgres is never touched. Run as root, the server runs as the {@code postgres} user (Postgres
 * refuses to run as root).
 */
public final class OwnPostgresCluster implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("asset-hatch.postgres-bin", "/usr/lib/postgresql/15/bin"));
    private static final String SUPERUSER = "postgres";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    private final int port;
    private final Path directory;

    private OwnPostgresCluster(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** A new cluster, initialised and running. */
    public static OwnPostgresCluster start() {
        try {
            Path directory = Files.createTempDirectory("own-postgres");
            OwnPostgresCluster cluster = new OwnPostgresCluster(freePort(), directory);
            if (AS_ROOT) {
                run(List.of("chown", SUPERUSER, directory.toString()), false);
            }
            cluster.postgresTool("initdb", "-D", cluster.dataDirectory(), "-U", SUPERUSER, "--auth=trust",
                    "--no-sync", "-E", "UTF8", "--locale=C");
            cluster.startServer();
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a test Postgres cluster (is PostgreSQL 15 installed?)", e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code postgresql://127.0.0.1:<port>/<database>} (prefix {@code jdbc:} for JDBC). */
    public String url(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a login role (password = name, as the services' defaults) and a database it owns. */
    public void createDatabase(String database, String owner) {
        sql("CREATE ROLE " + owner + " LOGIN PASSWORD '" + owner + "'");
        sql("CREATE DATABASE " + database + " OWNER " + owner);
    }

    public void createRole(String role) {
        sql("CREATE ROLE " + role + " LOGIN PASSWORD '" + role + "'");
    }

    /** Runs one statement as the superuser in database {@code postgres}. */
    public void sql(String statement) {
        postgresTool("psql", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", SUPERUSER, "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-q", "-c", statement);
    }

    public void startServer() {
        postgresTool("pg_ctl", "-D", dataDirectory(), "-l", directory.resolve("postgres.log").toString(), "-w",
                "-t", String.valueOf(COMMAND_TIMEOUT.toSeconds()),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory + " -c fsync=off", "start");
    }

    /** Stops the server at once, cutting every connection (as a crash or a restart does). */
    public void stopServer() {
        postgresTool("pg_ctl", "-D", dataDirectory(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (IllegalStateException alreadyStopped) {
            // nothing to stop
        }
        run(List.of("rm", "-rf", directory.toString()), false);
    }

    private String dataDirectory() {
        return directory.resolve("data").toString();
    }

    private void postgresTool(String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        if (AS_ROOT) {
            command.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        command.add(BIN.resolve(tool).toString());
        command.addAll(List.of(arguments));
        run(command, true);
    }

    private static void run(List<String> command, boolean mustSucceed) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + command);
            }
            if (mustSucceed && process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + new String(output));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
