package com.assethatch.common.imagestore;

import com.assethatch.common.error.ApiException;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;

/** A row names an object the store does not have (it is gone, or was never there). */
public class ImageObjectMissingException extends ApiException {

    public ImageObjectMissingException(String key) {
        super(Status.NOT_FOUND, "Image bytes not found", Map.of("key", key));
    }
}
