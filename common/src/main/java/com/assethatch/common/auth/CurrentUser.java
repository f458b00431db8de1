package com.assethatch.common.auth;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The user the current request acts for: the owner id to store and to filter by. Read it once at the top of a
 * resource method (on a route the HTTP permissions protect, the caller is known before the method runs, so this
 * never blocks) and hand the id down to services and repositories.
 */
@ApplicationScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's user id; an anonymous caller gets the 401 challenge. */
    public String id() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return identity.getPrincipal().getName();
    }
}
