package com.assethatch.project.cache;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys whose cached value may be older than Postgres because a write-through failed here. Reads of
 * these keys skip Redis until a repair stores the missed version, so a Redis that comes back with
 * old data is never read as current.
 */
@ApplicationScoped
public class PendingRepairs {

    private final ConcurrentHashMap<String, Long> missedVersions = new ConcurrentHashMap<>();

    public void markMissed(Collection<String> keys, long version) {
        keys.forEach(key -> missedVersions.merge(key, version, Math::max));
    }

    public boolean isPending(String key) {
        return missedVersions.containsKey(key);
    }

    /** Redis now holds {@code heldVersion} for {@code key}: the repair is done if that covers what was missed. */
    public void repaired(String key, long heldVersion) {
        missedVersions.computeIfPresent(key, (k, missed) -> heldVersion >= missed ? null : missed);
    }

    public void cleared(Collection<String> keys) {
        keys.forEach(missedVersions::remove);
    }

    public int size() {
        return missedVersions.size();
    }
}
