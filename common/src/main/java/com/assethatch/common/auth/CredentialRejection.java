package com.assethatch.common.auth;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;
import java.util.Optional;

/**
 * Why a credential that was sent cannot be trusted. Its message is safe to show and to log: it names the kind
 * of credential and the reason, never the credential itself or what a library said about its content.
 */
record CredentialRejection(Source source, Reason reason) {

    private static final String ATTRIBUTE = CredentialRejection.class.getName();

    /** Where the credential came from. */
    enum Source {
        BEARER_TOKEN("bearer token"),
        SESSION_COOKIE("session cookie");

        private final String label;

        Source(String label) {
            this.label = label;
        }
    }

    /** Why it was refused. */
    enum Reason {
        EXPIRED("has expired"),
        INVALID("is not valid");

        private final String phrase;

        Reason(String phrase) {
            this.phrase = phrase;
        }
    }

    String message() {
        return "Unauthorized: the " + source.label + " " + reason.phrase;
    }

    /** What an identity provider fails with: Quarkus answers an AuthenticationFailedException with the challenge. */
    AuthenticationFailedException asFailure() {
        return new AuthenticationFailedException(message(), Map.of(ATTRIBUTE, this));
    }

    static Optional<CredentialRejection> of(Throwable failure) {
        return failure instanceof AuthenticationFailedException authentication
                ? Optional.ofNullable(authentication.getAttribute(ATTRIBUTE))
                : Optional.empty();
    }
}
