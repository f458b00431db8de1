package com.assethatch.project.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** What changed; its value is the SSE event name. */
public enum ChangeType {
    /** The first event of every stream; its version is the project's at connection time. */
    CONNECTED("connected"),
    PROJECT("project"),
    QUALITIES("qualities"),
    MEMORY_FILE("memory-file"),
    ASSET("asset"),
    STYLE_ANCHOR("style-anchor"),
    PROJECT_DELETED("project-deleted");

    private final String eventName;

    ChangeType(String eventName) {
        this.eventName = eventName;
    }

    @JsonValue
    public String eventName() {
        return eventName;
    }
}
