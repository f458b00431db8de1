package com.assethatch.project.events;

/** A row of the change log: {@code type} of event, about {@code entityId} of {@code projectId}, at {@code version}. */
public record LoggedChange(String projectId, long version, ChangeType type, String entityId, boolean deleted) {
}
