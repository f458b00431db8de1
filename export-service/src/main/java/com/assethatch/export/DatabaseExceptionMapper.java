package com.assethatch.export;

import com.assethatch.common.error.ApiError;
import com.assethatch.common.error.ApiExceptionMappers;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * JDBC failures in the error shape: a database that cannot be reached is a 503 (SQL state class 08, connection
 * exception), as on the reactive routes of project-service; anything else is an unexpected failure.
 */
public class DatabaseExceptionMapper {

    static final String DATABASE_UNAVAILABLE = "Database temporarily unavailable";
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private final ApiExceptionMappers common = new ApiExceptionMappers();

    @ServerExceptionMapper
    public Response mapSqlException(SQLException e, HttpServerRequest request) {
        if (!isConnectionFailure(e)) {
            return common.mapUnexpected(e, request);
        }
        Log.warnf("Database unavailable on %s %s: %s", request.method(), request.path(), e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(DATABASE_UNAVAILABLE)).build();
    }

    private static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return true;
            }
        }
        return false;
    }
}
