package com.assethatch.common.ids;

/** Rules for project ids and names, shared by both services' validation and API documentation. */
public final class ProjectIds {

    /** Ids end up in Redis keys, plan asset ids and file names, so they stay plain. */
    public static final String PATTERN = "^[A-Za-z0-9_-]{1,64}$";
    private static final String RULE_TEXT = " must be 1 to 64 letters, digits, '-' or '_'";
    /** The message for a request field named {@code id}. */
    public static final String RULE = "id" + RULE_TEXT;
    /** The message for a parameter named {@code projectId}. */
    public static final String PROJECT_ID_RULE = "projectId" + RULE_TEXT;
    public static final int MAX_NAME_LENGTH = 200;

    private ProjectIds() {
    }
}
