package com.assethatch.common.error;

import com.assethatch.common.json.UnstorableTextException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@link ApiError}, so clients parse one shape and never see a stack trace. */
public class ApiExceptionMappers {

    /** Where RESTEasy Reactive parses multipart and form bodies. */
    private static final String FORM_PARSER_PACKAGE = "org.jboss.resteasy.reactive.server.core.multipart";

    private final String retryAfterSeconds;

    public ApiExceptionMappers(HttpErrorsConfig config) {
        this.retryAfterSeconds = String.valueOf(config.retryAfter().toSeconds());
    }

    @ServerExceptionMapper
    public Response mapApiException(ApiException e) {
        return respond(e.status(), new ApiError(e.getMessage(), e.details()));
    }

    @ServerExceptionMapper
    public Response mapConstraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", fieldName(v), "message", v.getMessage()))
                .toList();
        String first = violations.isEmpty() ? "Invalid request" : violations.get(0).get("message");
        return respond(Status.BAD_REQUEST, new ApiError(first, violations));
    }

    @ServerExceptionMapper
    public Response mapUnstorableText(UnstorableTextException e) {
        String field = jsonPath(e);
        String message = (field.isEmpty() ? "Request body " : "Field '" + field + "' ") + e.problem();
        return respond(Status.BAD_REQUEST, new ApiError(message, Map.of("field", field)));
    }

    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        String message = field.isEmpty()
                ? "Request body must be " + expected
                : "Field '" + field + "' must be " + expected;
        return respond(Status.BAD_REQUEST, ApiError.of(message));
    }

    @ServerExceptionMapper
    public Response mapMalformedJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Status.BAD_REQUEST, ApiError.of("Malformed JSON" + where));
    }

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e, HttpServerRequest request) {
        // The JSON body reader reports unreadable bodies as a bare 400 wrapping Jackson's exception.
        if (e.getCause() instanceof UnstorableTextException unstorable) {
            return mapUnstorableText(unstorable);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mapMismatchedInput(mismatch);
        }
        if (e.getCause() instanceof JsonProcessingException malformed) {
            return mapMalformedJson(malformed);
        }
        Status status = Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null || status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return mapUnexpected(e, request);
        }
        String message = switch (status) {
            case NOT_FOUND -> "No such route: " + request.method() + " " + request.path();
            case METHOD_NOT_ALLOWED -> "Method " + request.method() + " is not allowed on " + request.path();
            case UNSUPPORTED_MEDIA_TYPE -> request.getHeader("Content-Type") == null
                    ? request.method() + " " + request.path() + " needs a Content-Type header"
                    : "Content-Type " + request.getHeader("Content-Type") + " is not accepted by " + request.method()
                            + " " + request.path();
            case NOT_ACCEPTABLE -> "None of the media types in Accept can be produced here";
            default -> status.getReasonPhrase();
        };
        return respond(status, ApiError.of(message));
    }

    /**
     * A multipart body that ends before its closing boundary (or is not multipart at all) fails in RESTEasy's form
     * parser with a bare IOException: the client's fault, so a 400. Any other IOException is unexpected.
     */
    @ServerExceptionMapper
    public Response mapUnreadableBody(java.io.IOException e, HttpServerRequest request) {
        boolean fromFormParser = java.util.Arrays.stream(e.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith(FORM_PARSER_PACKAGE));
        return fromFormParser
                ? respond(Status.BAD_REQUEST, ApiError.of("Malformed multipart body: " + e.getMessage()))
                : mapUnexpected(e, request);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Throwable e, HttpServerRequest request) {
        Optional<TransientDatabaseFailure> transientFailure = TransientDatabaseFailure.in(e);
        if (transientFailure.isPresent()) {
            return retryLater(transientFailure.get(), e, request);
        }
        if (request.response().closed()) {
            // A closed tab or a lost network mid-upload: no one is left to answer, and the server did nothing wrong.
            Log.debugf("Client closed the connection during %s %s: %s", request.method(), request.path(), e.toString());
            return respond(Status.BAD_REQUEST, ApiError.of("Connection closed by the client"));
        }
        if (request.response().headWritten()) {
            // A streamed response broke after its first bytes: the code that streamed it has logged why.
            Log.debugf("Response to %s %s ended early: %s", request.method(), request.path(), e.getMessage());
            return respond(Status.INTERNAL_SERVER_ERROR, ApiError.of("Response ended early"));
        }
        String reference = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure on %s %s (reference %s)", request.method(), request.path(), reference);
        return respond(Status.INTERNAL_SERVER_ERROR,
                new ApiError("Internal server error", Map.of("reference", reference)));
    }

    private Response retryLater(TransientDatabaseFailure failure, Throwable e, HttpServerRequest request) {
        Log.warnf("503 to %s %s (%s): %s", request.method(), request.path(), failure, e);
        return respond(Status.SERVICE_UNAVAILABLE, ApiError.of(failure.message()));
    }

    /** Every 503 tells the client when to try again (RFC 9110 §10.2.3). */
    private Response respond(Status status, ApiError body) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (status == Status.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        return response.build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int lastDot = path.lastIndexOf('.');
        return lastDot < 0 ? path : path.substring(lastDot + 1);
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describe(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a JSON object";
    }
}
