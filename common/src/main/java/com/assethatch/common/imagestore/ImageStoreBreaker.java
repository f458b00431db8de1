package com.assethatch.common.imagestore;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * One circuit breaker for every call to the object store (configured under
 * {@code quarkus.fault-tolerance."com.assethatch.common.imagestore.ImageStoreBreaker"}): uploads, reads, listings and
 * deletes see the same store, so failures of any of them open it for all. While open, calls fail at once instead of
 * each waiting out its timeouts. A missing object is an answer, not a failure.
 */
@ApplicationScoped
@CircuitBreaker(skipOn = ImageObjectMissingException.class)
public class ImageStoreBreaker {

    public <T> T call(Supplier<T> call) {
        return call.get();
    }
}
