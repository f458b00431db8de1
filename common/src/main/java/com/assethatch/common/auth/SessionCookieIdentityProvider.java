package com.assethatch.common.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Trusts an Auth.js session cookie that decrypts with AUTH_SECRET (or a previous secret) and has not expired. */
@ApplicationScoped
class SessionCookieIdentityProvider implements IdentityProvider<SessionCookieRequest> {

    private final AuthjsSessionDecoder decoder;

    SessionCookieIdentityProvider(AuthConfig config) {
        List<String> secrets = new ArrayList<>();
        config.session().secret().ifPresent(secrets::add);
        config.session().previousSecrets().ifPresent(secrets::addAll);
        this.decoder = new AuthjsSessionDecoder(secrets, config.session().clockSkew());
    }

    @Override
    public Class<SessionCookieRequest> getRequestType() {
        return SessionCookieRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionCookieRequest request, AuthenticationRequestContext context) {
        // A few microseconds of AES and HMAC: fine on the event loop.
        SessionCookie cookie = request.cookie();
        return Uni.createFrom().item(() -> Identities.of(decoder.userId(cookie.name(), cookie.token()), "session-cookie"));
    }
}
