package com.assethatch.project.cache;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Redis keys that may hold something older than Postgres because a write-through failed on this
 * instance. Reads of these keys skip Redis until a write or fill stores (at least) the missed version,
 * so a Redis that comes back with old data is never read as current. Tracked per slot: a list with
 * several missed members stays stale until every one of them is caught up.
 */
@ApplicationScoped
public class StaleKeys {

    private final Map<String, Map<String, Long>> missedVersions = new ConcurrentHashMap<>();

    /** Redis missed {@code op}: its key is stale until its slot holds the op's version. */
    public void markStale(CacheOp op) {
        Slot slot = op.slot();
        String member = slot.isWholeKey() ? Slot.ENTRY : slot.member();
        missedVersions.computeIfAbsent(slot.key(), k -> new ConcurrentHashMap<>()).merge(member, op.version(), Math::max);
    }

    public boolean isStale(String key) {
        return missedVersions.containsKey(key);
    }

    /** Redis now holds {@code heldVersion} in {@code slot}: the slot is caught up if that covers what was missed. */
    public void caughtUp(Slot slot, long heldVersion) {
        if (slot.isWholeKey()) {
            missedVersions.remove(slot.key());
            return;
        }
        missedVersions.computeIfPresent(slot.key(), (k, members) -> {
            members.computeIfPresent(slot.member(), (m, missed) -> heldVersion >= missed ? null : missed);
            return members.isEmpty() ? null : members;
        });
    }

    /** Number of keys with at least one missed version. */
    public int size() {
        return missedVersions.size();
    }
}
