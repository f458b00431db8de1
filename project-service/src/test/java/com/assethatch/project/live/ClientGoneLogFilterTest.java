package com.assethatch.project.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ClientGoneLogFilterTest {

    private static final String SSE_WRITER = "org.jboss.resteasy.reactive.server.handlers.PublisherResponseHandler";

    private final ClientGoneLogFilter filter = new ClientGoneLogFilter();

    @Test
    void aStreamWhoseBrowserClosedOrResetTheConnectionIsNotLogged() {
        assertThat(filter.isLoggable(record(SSE_WRITER, socketFailure("Broken pipe", "sun.nio.ch.SocketDispatcher"))))
                .isFalse();
        assertThat(filter.isLoggable(record(SSE_WRITER, new ClosedChannelException()))).isFalse();
        assertThat(filter.isLoggable(record(SSE_WRITER, eventWrittenInAQueryCallback()))).isFalse();
        assertThat(filter.isLoggable(record(SSE_WRITER, new IllegalStateException("write failed",
                socketFailure("Connection reset by peer", "io.netty.channel.socket.nio.NioSocketChannel"))))).isFalse();
    }

    @Test
    void aStreamThatFailedForAnyOtherReasonIsStillLogged() {
        assertThat(filter.isLoggable(record(SSE_WRITER, new PgException("gone", "FATAL", "57P01", null)))).isTrue();
        assertThat(filter.isLoggable(record(SSE_WRITER,
                socketFailure("Connection reset by peer", "io.vertx.pgclient.impl.codec.PgEncoder")))).isTrue();
        assertThat(filter.isLoggable(record(SSE_WRITER, new IllegalStateException("bug")))).isTrue();
        assertThat(filter.isLoggable(record(SSE_WRITER, null))).isTrue();
    }

    @Test
    void otherLoggersAreLeftAlone() {
        assertThat(filter.isLoggable(record("com.assethatch.project.assets.AssetsService",
                socketFailure("Broken pipe", "sun.nio.ch.SocketDispatcher")))).isTrue();
    }

    private static LogRecord record(String logger, Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "Exception in SSE server handling, impossible to send it to client");
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return record;
    }

    /** As seen in the service: the event read from the change log is written from the query's callback. */
    private static IOException eventWrittenInAQueryCallback() {
        IOException failure = new IOException("Broken pipe");
        failure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("sun.nio.ch.FileDispatcherImpl", "writev0", null, -1),
                new StackTraceElement("io.netty.channel.socket.nio.NioSocketChannel", "doWrite", null, -1),
                new StackTraceElement("io.vertx.core.net.impl.ConnectionBase", "write", null, -1),
                new StackTraceElement("org.jboss.resteasy.reactive.server.jaxrs.SseEventSinkImpl", "send", null, -1),
                new StackTraceElement("io.vertx.sqlclient.impl.QueryResultBuilder", "tryComplete", null, -1)});
        return failure;
    }

    /** An IOException as the JDK raises it for a socket write, from a frame of the given class. */
    private static IOException socketFailure(String message, String raisedIn) {
        IOException failure = new IOException(message);
        failure.setStackTrace(new StackTraceElement[] {new StackTraceElement(raisedIn, "write", null, -1)});
        return failure;
    }
}
