package com.assethatch.export.pack;

import com.assethatch.common.error.ApiException;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Waits for reactive work from a worker thread (never from the event loop), on a Vert.x context. */
final class Blocking {

    static final String DATABASE_UNAVAILABLE = "Database temporarily unavailable";

    private Blocking() {
    }

    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    /**
     * Rethrows what the reactive side failed with, unwrapped, so the common mappers see the real failure:
     * a refused database connection becomes the same 503 the reactive routes answer with.
     */
    static RuntimeException unchecked(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ConnectException) {
            return ApiException.serviceUnavailable(DATABASE_UNAVAILABLE);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }
}
