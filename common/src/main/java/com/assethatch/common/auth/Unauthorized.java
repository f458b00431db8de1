package com.assethatch.common.auth;

import com.assethatch.common.error.ApiError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The API's one 401: the error shape, a Bearer challenge (RFC 6750: {@code error="invalid_token"} when a token was
 * refused) and a Cookie challenge naming the Auth.js session cookie. Sent from the HTTP layer by
 * {@link CallerAuthenticationMechanism} and from REST endpoints by {@link AuthExceptionMappers}.
 */
final class Unauthorized {

    static final String REALM = "asset-hatch";
    static final String MISSING_CREDENTIAL =
            "Unauthorized: sign in (Auth.js session cookie) or send Authorization: Bearer <JWT>";
    static final String NO_STORE = "no-store";
    private static final String COOKIE_CHALLENGE =
            "Cookie realm=\"" + REALM + "\", cookie-name=\"" + AuthjsSessionDecoder.COOKIE_NAME + "\"";

    private Unauthorized() {
    }

    /** What to tell the caller; {@code rejection} is null when no credential was sent. */
    static String message(CredentialRejection rejection) {
        return rejection == null ? MISSING_CREDENTIAL : rejection.message();
    }

    static List<String> challenges(CredentialRejection rejection) {
        return List.of(bearerChallenge(rejection), COOKIE_CHALLENGE);
    }

    static String bearerChallenge(CredentialRejection rejection) {
        String challenge = "Bearer realm=\"" + REALM + "\"";
        if (rejection != null && rejection.source() == CredentialRejection.Source.BEARER_TOKEN) {
            challenge += ", error=\"invalid_token\", error_description=\"" + rejection.message() + "\"";
        }
        return challenge;
    }

    static Response response(CredentialRejection rejection) {
        Response.ResponseBuilder response = Response.status(Response.Status.UNAUTHORIZED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .entity(ApiError.of(message(rejection)));
        challenges(rejection).forEach(challenge -> response.header(HttpHeaders.WWW_AUTHENTICATE, challenge));
        return response.build();
    }
}
