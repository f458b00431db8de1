package com.assethatch.project.cache;

import java.util.Map;

/**
 * What a row's own key holds: its JSON payload and, next to it, ready-made renderings of it that a hot read
 * serves as they are (e.g. a project's qualities view), by name. They are stored in the same script call as the
 * payload and replaced with it, so a view is always of the version the key holds.
 */
public record EntryContent(String payload, Map<String, String> views) {

    public EntryContent {
        views = Map.copyOf(views);
    }
}
