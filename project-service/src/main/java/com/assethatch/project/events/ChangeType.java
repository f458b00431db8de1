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
    PROJECT_DELETED("project-deleted"),
    /**
     * The stream cannot replay what the client missed (its Last-Event-ID is older than the change log keeps, or
     * unknown): refetch the project's state, then apply the events that follow.
     */
    RESYNC("resync");

    private final String eventName;

    ChangeType(String eventName) {
        this.eventName = eventName;
    }

    @JsonValue
    public String eventName() {
        return eventName;
    }

    /** The type whose event name is {@code eventName} (as the change log records it). */
    public static ChangeType ofEventName(String eventName) {
        for (ChangeType type : values()) {
            if (type.eventName.equals(eventName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown change type " + eventName);
    }
}
