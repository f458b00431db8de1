package com.assethatch.common.error;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A database failure that trying again later can fix, recognised wherever it sits in the cause chain and whichever
 * client raised it (reactive PG client, JDBC, or a library wrapping them): the database cannot be reached right now,
 * or it aborted the request's transaction to resolve a conflict with another one (a deadlock or a serialization
 * failure). Such a request is answered 503 with Retry-After, never 500: the client did nothing wrong. Each kind has
 * its own message, so a client (and whoever reads its logs) can tell an outage from a conflict.
 */
public enum TransientDatabaseFailure {

    /** Kept as it was before conflicts were told apart: clients may match it. */
    UNREACHABLE("Database temporarily unavailable"),
    DEADLOCK("Deadlock with a concurrent request; try again"),
    SERIALIZATION_FAILURE("Serialization failure: a concurrent request changed the same data; try again");

    /** SQLSTATE class 08: connection exceptions. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** Shutdown by an administrator or a crash, still starting up or shutting down, and no free connection slot. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final String SERIALIZATION_FAILURE_STATE = "40001";
    /** Where the database clients' code lives: an I/O failure they raised is the database connection's. */
    private static final List<String> DATABASE_CLIENT_PACKAGES =
            List.of("io.vertx.pgclient.", "io.vertx.sqlclient.", "org.postgresql.");
    /** The JDK and Netty carry every socket's I/O: the first frame above them is the code whose socket it is. */
    private static final List<String> TRANSPORT_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "io.netty.");
    /**
     * vertx-sql-client's failure for a query sent on a connection the database closed meanwhile: a stackless
     * {@code NoStackTraceThrowable} (Vert.x internals, no type of its own), so only its message tells it apart.
     */
    private static final String SQL_CLIENT_CONNECTION_CLOSED = "Connection is not active now";

    private final String message;

    TransientDatabaseFailure(String message) {
        this.message = message;
    }

    /** The error message of the 503. */
    public String message() {
        return message;
    }

    /** The first transient database failure in the cause chain; empty when there is none. */
    public static Optional<TransientDatabaseFailure> in(Throwable failure) {
        return CauseChain.of(failure).map(TransientDatabaseFailure::of).flatMap(Optional::stream).findFirst();
    }

    private static Optional<TransientDatabaseFailure> of(Throwable failure) {
        if (failure instanceof SocketException // connection refused or reset
                || failure instanceof ClosedChannelException
                || failure instanceof ClosedConnectionException
                || failure instanceof SQLTransientConnectionException
                || String.valueOf(failure.getMessage()).startsWith(SQL_CLIENT_CONNECTION_CLOSED)
                || (failure instanceof IOException io && raisedByDatabaseClient(io))) {
            return Optional.of(UNREACHABLE);
        }
        if (failure instanceof PgException pg) {
            return ofSqlState(pg.getSqlState());
        }
        if (failure instanceof SQLException sql) {
            return ofSqlState(sql.getSQLState());
        }
        return Optional.empty();
    }

    /**
     * Whether an I/O failure is the database connection's. A database restarting can reset a connection while the
     * client is still sending its startup message: the JDK reports that as a bare IOException ("Connection reset by
     * peer", "Broken pipe"), told apart from the same failure on an HTTP connection only by where it was raised.
     */
    public static boolean raisedByDatabaseClient(IOException failure) {
        // Deeper frames do not count: an HTTP response written from a query's callback has the client below it.
        return Arrays.stream(failure.getStackTrace()).map(StackTraceElement::getClassName)
                .filter(name -> TRANSPORT_PACKAGES.stream().noneMatch(name::startsWith))
                .findFirst()
                .map(writer -> DATABASE_CLIENT_PACKAGES.stream().anyMatch(writer::startsWith))
                .orElse(false);
    }

    private static Optional<TransientDatabaseFailure> ofSqlState(String sqlState) {
        if (sqlState == null) {
            return Optional.empty();
        }
        if (sqlState.startsWith(CONNECTION_EXCEPTION_CLASS) || UNAVAILABLE_STATES.contains(sqlState)) {
            return Optional.of(UNREACHABLE);
        }
        return switch (sqlState) {
            case DEADLOCK_DETECTED -> Optional.of(DEADLOCK);
            case SERIALIZATION_FAILURE_STATE -> Optional.of(SERIALIZATION_FAILURE);
            default -> Optional.empty();
        };
    }
}
