package com.assethatch.common.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The identity every credential kind produces: the principal's name is the user id, nothing else is needed. */
final class Identities {

    /** Names the credential that proved the identity ("bearer", "session-cookie" or "disabled"). */
    static final String CREDENTIAL_ATTRIBUTE = "asset-hatch.credential";

    private Identities() {
    }

    static SecurityIdentity of(String userId, String credential) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(userId))
                .addAttribute(CREDENTIAL_ATTRIBUTE, credential)
                .build();
    }
}
