package com.assethatch.project.events;

/** A change rendered to JSON once, as its SSE event: name, id (the version) and data. */
public record RenderedChange(String eventName, String projectId, long version, String json) {
}
