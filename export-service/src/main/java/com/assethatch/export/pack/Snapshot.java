package com.assethatch.export.pack;

import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * One pool connection in a REPEATABLE READ, READ ONLY transaction: every metadata read of one export sees the
 * same database state. It is closed before the download's first byte. {@link #close()} rolls back (nothing was written) and returns the connection to the pool; it
 * may be called more than once.
 */
public final class Snapshot implements AutoCloseable {

    private final Connection connection;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Snapshot(Connection connection) {
        this.connection = connection;
    }

    /**
     * Takes a connection and starts the transaction on it.
     *
     * @param maxIdle how long the transaction may sit idle (a client that stopped reading) before Postgres ends it
     */
    static Snapshot open(DataSource dataSource, Duration maxIdle) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement start = connection.createStatement()) {
            connection.setAutoCommit(false);
            start.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            start.execute("SET LOCAL idle_in_transaction_session_timeout = " + maxIdle.toMillis());
            return new Snapshot(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    Connection connection() {
        if (closed.get()) {
            throw new IllegalStateException("The export's database snapshot is already closed");
        }
        return connection;
    }

    /** Ends the transaction and hands the connection back; never throws (a broken connection is only logged). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try (connection) {
            connection.rollback();
            connection.setAutoCommit(true); // the pool's next user gets a connection outside any transaction
        } catch (SQLException e) {
            Log.warnf("Could not release an export snapshot cleanly: %s", e.getMessage());
        }
    }
}
