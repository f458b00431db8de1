package com.assethatch.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class TransientDatabaseFailureTest {

    @Test
    void aDeadlockIsToldApartFromAnOutage() {
        assertThat(TransientDatabaseFailure.in(pg("40P01"))).contains(TransientDatabaseFailure.DEADLOCK);
        assertThat(TransientDatabaseFailure.in(new SQLException("deadlock detected", "40P01")))
                .contains(TransientDatabaseFailure.DEADLOCK);
    }

    @Test
    void aSerializationFailureHasItsOwnKind() {
        assertThat(TransientDatabaseFailure.in(pg("40001"))).contains(TransientDatabaseFailure.SERIALIZATION_FAILURE);
        assertThat(TransientDatabaseFailure.in(new SQLException("could not serialize", "40001")))
                .contains(TransientDatabaseFailure.SERIALIZATION_FAILURE);
    }

    @Test
    void connectionFailuresAndServerShutdownAreUnreachable() {
        assertThat(TransientDatabaseFailure.in(new ConnectException("Connection refused")))
                .contains(TransientDatabaseFailure.UNREACHABLE);
        assertThat(TransientDatabaseFailure.in(new SQLException("connection failure", "08006")))
                .contains(TransientDatabaseFailure.UNREACHABLE);
        assertThat(TransientDatabaseFailure.in(pg("57P01"))).contains(TransientDatabaseFailure.UNREACHABLE);
        assertThat(TransientDatabaseFailure.in(pg("53300"))).contains(TransientDatabaseFailure.UNREACHABLE);
    }

    @Test
    void aQuerySentOnAConnectionTheDatabaseClosedIsUnreachable() {
        // As the fault suite saw it (POST while Postgres was down): vertx-sql-client's stackless throwable.
        assertThat(TransientDatabaseFailure.in(new NoStackTraceThrowable(
                "Connection is not active now, current status: CLOSED"))).contains(TransientDatabaseFailure.UNREACHABLE);
        assertThat(TransientDatabaseFailure.in(new NoStackTraceThrowable("Some other Vert.x failure"))).isEmpty();
    }

    @Test
    void aConnectionResetWhileTheDatabaseClientWritesIsUnreachableButTheSameResetElsewhereIsNot() {
        IOException fromDatabaseClient = new IOException("Connection reset by peer");
        fromDatabaseClient.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("sun.nio.ch.SocketDispatcher", "write", null, -1),
                new StackTraceElement("io.netty.channel.socket.nio.NioSocketChannel", "doWrite", null, -1),
                new StackTraceElement("io.vertx.pgclient.impl.codec.PgEncoder", "flush", null, -1)});
        IOException fromAClient = new IOException("Connection reset by peer");
        fromAClient.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("sun.nio.ch.SocketDispatcher", "write", null, -1),
                new StackTraceElement("io.netty.channel.socket.nio.NioSocketChannel", "doWrite", null, -1),
                new StackTraceElement("io.vertx.core.http.impl.Http1xServerResponse", "write", null, -1),
                // an HTTP response written in a query's callback: the database client is deeper in the stack
                new StackTraceElement("io.vertx.sqlclient.impl.QueryResultBuilder", "tryComplete", null, -1)});

        assertThat(TransientDatabaseFailure.in(fromDatabaseClient)).contains(TransientDatabaseFailure.UNREACHABLE);
        assertThat(TransientDatabaseFailure.in(fromAClient)).isEmpty();
    }

    @Test
    void aFailureIsFoundDeepInTheCauseChain() {
        Throwable wrapped = new CompletionException(new IllegalStateException("query failed", pg("40P01")));
        assertThat(TransientDatabaseFailure.in(wrapped)).contains(TransientDatabaseFailure.DEADLOCK);
    }

    @Test
    void otherFailuresAreNotTransient() {
        assertThat(TransientDatabaseFailure.in(pg("23505"))).isEmpty(); // unique violation: retrying cannot help
        assertThat(TransientDatabaseFailure.in(new SQLException("no state"))).isEmpty();
        assertThat(TransientDatabaseFailure.in(new IllegalStateException("bug"))).isEmpty();
    }

    @Test
    void eachKindHasItsOwnMessage() {
        assertThat(TransientDatabaseFailure.UNREACHABLE.message()).isEqualTo("Database temporarily unavailable");
        assertThat(TransientDatabaseFailure.DEADLOCK.message()).contains("Deadlock");
        assertThat(TransientDatabaseFailure.SERIALIZATION_FAILURE.message()).contains("Serialization failure");
    }

    private static PgException pg(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, null);
    }
}
