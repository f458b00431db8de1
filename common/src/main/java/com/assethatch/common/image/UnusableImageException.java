package com.assethatch.common.image;

/** Bytes that cannot be stored as an image, with the reason a client needs to fix them. */
public final class UnusableImageException extends Exception {

    /** Why the bytes were refused; each maps to one HTTP status. */
    public enum Reason {
        /** Not a PNG, JPEG or WebP by its signature (415). */
        NOT_AN_IMAGE,
        /** Looks like an image but does not decode as a whole: truncated, corrupt, inconsistent (415). */
        UNDECODABLE,
        /** More pixels than the configured limit; refused before anything is decoded (413). */
        TOO_MANY_PIXELS
    }

    private final Reason reason;

    public UnusableImageException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
