package com.assethatch.project.events;

/**
 * A committed change, as pushed to browsers: {@code type} is the SSE event name, {@code version} the
 * changed row's version (also the SSE id), {@code data} the new state (or what was deleted). Its OpenAPI schemas,
 * one per event type, are in live.ChangeEventSchemas.
 */
public record ChangeEvent(
        ChangeType type,
        String projectId,
        long version,
        ChangePayload data) {
}
