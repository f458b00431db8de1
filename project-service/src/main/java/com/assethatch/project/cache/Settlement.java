package com.assethatch.project.cache;

/**
 * What a successful cache write settles: every outbox row of this entity whose version is at most
 * {@code version}, since Redis now holds that version or a newer one (compare-and-set).
 */
public record Settlement(String entityType, String entityId, long version) {
}
