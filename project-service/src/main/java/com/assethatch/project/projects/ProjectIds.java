package com.assethatch.project.projects;

/** Rules for project ids and names, shared by validation and the API documentation. */
public final class ProjectIds {

    /** Ids end up in Redis keys, plan asset ids and file names, so they stay plain. */
    public static final String PATTERN = "^[A-Za-z0-9_-]{1,64}$";
    public static final String RULE = "id must be 1 to 64 letters, digits, '-' or '_'";
    public static final int MAX_NAME_LENGTH = 200;

    private ProjectIds() {
    }
}
