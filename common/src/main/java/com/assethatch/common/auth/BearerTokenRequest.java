package com.assethatch.common.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An {@code Authorization: Bearer} JWT, for {@link BearerTokenIdentityProvider}. */
final class BearerTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    BearerTokenRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
