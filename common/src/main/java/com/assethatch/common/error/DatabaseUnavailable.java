package com.assethatch.common.error;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises a failure that means "the database cannot be reached right now", wherever it sits in the cause
 * chain and whichever client raised it (reactive PG client, JDBC, or a library wrapping them). Such a request
 * is answered 503 with Retry-After, never 500: the client did nothing wrong and may simply try again. The same
 * holds when the database aborted the request's transaction to resolve a conflict with another one (a deadlock or a
 * serialization failure): trying again succeeds.
 */
public final class DatabaseUnavailable {

    /** SQLSTATE class 08: connection exceptions. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** Shutdown by an administrator or a crash, still starting up or shutting down, and no free connection slot. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** Serialization failure and deadlock detected: the transaction was rolled back and may simply be retried. */
    private static final Set<String> RETRYABLE_CONFLICT_STATES = Set.of("40001", "40P01");
    private static final int MAX_CAUSE_DEPTH = 16;

    private DatabaseUnavailable() {
    }

    public static boolean explains(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (isUnavailable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(Throwable failure) {
        return failure instanceof SocketException // connection refused or reset
                || failure instanceof ClosedChannelException
                || failure instanceof ClosedConnectionException
                || failure instanceof SQLTransientConnectionException
                || (failure instanceof PgException pg && meansUnavailable(pg.getSqlState()))
                || (failure instanceof SQLException sql && meansUnavailable(sql.getSQLState()));
    }

    private static boolean meansUnavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith(CONNECTION_EXCEPTION_CLASS) || UNAVAILABLE_STATES.contains(sqlState)
                || RETRYABLE_CONFLICT_STATES.contains(sqlState));
    }
}
