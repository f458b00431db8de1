package com.assethatch.project.cache;

/**
 * A deleted row, as the cache must learn it: the row's entity id, its project, and a version newer than
 * any the row had, so the tombstone outranks every late write of the living row.
 */
public record Tombstone(String id, String projectId, long version) {
}
