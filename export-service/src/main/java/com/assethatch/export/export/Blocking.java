package com.assethatch.export.export;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Waits for reactive work from a worker thread (never from the event loop), on a Vert.x context. */
final class Blocking {

    private Blocking() {
    }

    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new CompletionException(e);
        }
    }
}
