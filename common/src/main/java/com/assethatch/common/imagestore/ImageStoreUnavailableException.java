package com.assethatch.common.imagestore;

import com.assethatch.common.error.ApiException;
import jakarta.ws.rs.core.Response.Status;

/** The object store did not answer in time, refused, or its circuit breaker is open: 503, the client may retry. */
public class ImageStoreUnavailableException extends ApiException {

    public ImageStoreUnavailableException(String cause) {
        super(Status.SERVICE_UNAVAILABLE, "Image store unavailable; try again shortly", java.util.Map.of("cause", cause));
    }
}
