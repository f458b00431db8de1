package com.assethatch.project.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A committed change, as pushed to browsers: {@code type} is the SSE event name, {@code version} the
 * changed row's version (also the SSE id), {@code data} the new state (or what was deleted).
 */
@Schema(name = "ChangeEvent")
public record ChangeEvent(
        ChangeType type,
        String projectId,
        long version,
        ChangePayload data) {
}
