package com.assethatch.common.error;

import jakarta.ws.rs.core.Response.Status;

/**
 * A failure the client can act on: a status, a sentence for a person and optional details.
 * Domain code throws it (or a named subclass); {@link ApiExceptionMappers} renders the one error shape.
 */
public class ApiException extends RuntimeException {

    private final Status status;
    private final transient Object details;

    public ApiException(Status status, String message, Object details) {
        super(message, null, false, false);
        this.status = status;
        this.details = details;
    }

    public static ApiException badRequest(String message, Object details) {
        return new ApiException(Status.BAD_REQUEST, message, details);
    }

    public static ApiException badRequest(String message) {
        return badRequest(message, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND, message, null);
    }

    public static ApiException conflict(String message, Object details) {
        return new ApiException(Status.CONFLICT, message, details);
    }

    public static ApiException payloadTooLarge(String message, Object details) {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE, message, details);
    }

    public static ApiException unsupportedMediaType(String message, Object details) {
        return new ApiException(Status.UNSUPPORTED_MEDIA_TYPE, message, details);
    }

    public static ApiException serviceUnavailable(String message) {
        return new ApiException(Status.SERVICE_UNAVAILABLE, message, null);
    }

    public Status status() {
        return status;
    }

    public Object details() {
        return details;
    }
}
