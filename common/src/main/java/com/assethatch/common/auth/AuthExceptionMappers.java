package com.assethatch.common.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * With quarkus-rest, a credential refused on the way to an endpoint, or an anonymous caller reaching
 * {@link CurrentUser}, ends up here rather than in the HTTP layer: answer the same 401 as
 * {@link CallerAuthenticationMechanism} does. (Quarkus's own mappers would send an empty body.)
 */
public class AuthExceptionMappers {

    @ServerExceptionMapper
    public Response mapRefusedCredential(AuthenticationFailedException e) {
        return Unauthorized.response(CredentialRejection.of(e).orElse(null));
    }

    @ServerExceptionMapper
    public Response mapAnonymousCaller(UnauthorizedException e) {
        return Unauthorized.response(null);
    }
}
