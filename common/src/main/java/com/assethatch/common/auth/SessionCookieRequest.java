package com.assethatch.common.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The Auth.js session cookie, for {@link SessionCookieIdentityProvider}. */
final class SessionCookieRequest extends BaseAuthenticationRequest {

    private final SessionCookie cookie;

    SessionCookieRequest(SessionCookie cookie) {
        this.cookie = cookie;
    }

    SessionCookie cookie() {
        return cookie;
    }
}
