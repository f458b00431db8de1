package com.assethatch.export.pack;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection in a REPEATABLE READ, READ ONLY transaction: every read of one export sees the same
 * database state. {@link #close()} rolls back (nothing was written) and returns the connection to the
 * pool; it may be called more than once and from any thread (the download's worker or the event loop
 * that saw the client go away).
 */
public final class Snapshot {

    private final SqlConnection connection;
    private final Transaction transaction;
    private final AtomicBoolean closed = new AtomicBoolean();

    Snapshot(SqlConnection connection, Transaction transaction) {
        this.connection = connection;
        this.transaction = transaction;
    }

    SqlConnection connection() {
        if (closed.get()) {
            throw new IllegalStateException("The export's database snapshot is already closed");
        }
        return connection;
    }

    public boolean isClosed() {
        return closed.get();
    }

    public Uni<Void> close() {
        if (!closed.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return transaction.rollback()
                .onFailure().recoverWithNull()
                .eventually(connection::close);
    }
}
