package com.assethatch.project.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A committed change, as pushed to browsers: {@code type} is the SSE event name, {@code version} the
 * changed row's version (also the SSE id), {@code data} the new state (or what was deleted).
 */
@Schema(name = "ChangeEvent")
public record ChangeEvent(
        @Schema(enumeration = {"connected", "project", "qualities", "memory-file", "asset", "style-anchor", "project-deleted"})
        String type,
        String projectId,
        long version,
        Object data) {

    /** The first event of every stream; its version is the project's at connection time. */
    public static final String CONNECTED = "connected";
    public static final String PROJECT = "project";
    public static final String QUALITIES = "qualities";
    public static final String MEMORY_FILE = "memory-file";
    public static final String ASSET = "asset";
    public static final String STYLE_ANCHOR = "style-anchor";
    public static final String PROJECT_DELETED = "project-deleted";
}
