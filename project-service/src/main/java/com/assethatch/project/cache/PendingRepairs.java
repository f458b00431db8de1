package com.assethatch.project.cache;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cache entries that may be older than Postgres because a write-through failed on this instance.
 * Reads of these keys skip Redis until a repair stores (at least) the missed version, so a Redis that
 * comes back with old data is never read as current. Tracked per member: an index with several
 * missed members stays bypassed until every one of them is repaired.
 */
@ApplicationScoped
public class PendingRepairs {

    /** Member name of an entity key, which has a single value. */
    static final String WHOLE_ENTRY = "";

    private final Map<String, Map<String, Long>> missedVersions = new ConcurrentHashMap<>();

    public void markMissed(String key, String member, long version) {
        missedVersions.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).merge(member, version, Math::max);
    }

    public boolean isPending(String key) {
        return missedVersions.containsKey(key);
    }

    /** Redis now holds {@code heldVersion} for this member: the repair is done if that covers what was missed. */
    public void repaired(String key, String member, long heldVersion) {
        missedVersions.computeIfPresent(key, (k, members) -> {
            members.computeIfPresent(member, (m, missed) -> heldVersion >= missed ? null : missed);
            return members.isEmpty() ? null : members;
        });
    }

    public void cleared(Collection<String> keys) {
        keys.forEach(missedVersions::remove);
    }

    /** Number of keys with at least one repair outstanding. */
    public int size() {
        return missedVersions.size();
    }
}
