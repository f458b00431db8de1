package com.assethatch.project.live;

import com.assethatch.common.error.CauseChain;
import com.assethatch.common.error.TransientDatabaseFailure;
import io.quarkus.logging.LoggingFilter;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Quarkus REST logs an ERROR with a stack trace ("Exception in SSE server handling, impossible to send it to
 * client") when it cannot write an event because the browser has closed the stream: a closed tab, a reload,
 * EventSource reconnecting. A client leaving is routine, and in one malformed-input corpus run these records were
 * 211 stack traces among the lines that mattered. This filter drops exactly those: records of the SSE writer whose
 * cause is the HTTP connection closed or reset. Any other failure of a stream, the database's included, is still
 * logged. Installed on the console handler by {@code quarkus.log.console.filter}.
 */
@LoggingFilter(name = ClientGoneLogFilter.NAME)
public final class ClientGoneLogFilter implements Filter {

    static final String NAME = "sse-client-gone";
    private static final String SSE_WRITER = "org.jboss.resteasy.reactive.server.handlers.PublisherResponseHandler";

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(SSE_WRITER.equals(record.getLoggerName()) && clientConnectionGone(record.getThrown()));
    }

    static boolean clientConnectionGone(Throwable failure) {
        return CauseChain.of(failure).anyMatch(cause -> cause instanceof ClosedChannelException
                || (cause instanceof IOException io && !TransientDatabaseFailure.raisedByDatabaseClient(io)));
    }
}
