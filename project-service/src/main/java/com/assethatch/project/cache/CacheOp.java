package com.assethatch.project.cache;

import io.smallrye.mutiny.Uni;
import java.util.Map;

/**
 * One change to the fast tier, derived from a committed row. A put carries the row's version and is
 * applied by compare-and-set: Redis keeps whichever version is highest.
 */
public sealed interface CacheOp {

    /** Where the operation lands. */
    Slot slot();

    /** The version Redis holds in {@link #slot()} once the operation is applied (a drop outranks all). */
    long version();

    /** Applies the operation; completes with the version Redis then holds in the slot. */
    Uni<Long> applyTo(VersionedCache cache);

    static CacheOp put(Slot slot, long version, String payload) {
        return new Put(slot, version, payload, Map.of());
    }

    /** A row's own key: its payload and its views ({@link EntryContent}); a list member has no views. */
    static CacheOp put(Slot slot, long version, EntryContent content) {
        return new Put(slot, version, content.payload(), content.views());
    }

    /** Stores that the row is gone, outranking every write of an older version. */
    static CacheOp tombstone(Slot slot, long version) {
        return new Put(slot, version, null, Map.of());
    }

    static CacheOp drop(String key) {
        return new Drop(key);
    }

    /** Stores a row (or a list member); a null payload is a tombstone. */
    record Put(Slot slot, long version, String payload, Map<String, String> views) implements CacheOp {
        @Override
        public Uni<Long> applyTo(VersionedCache cache) {
            return cache.put(this);
        }
    }

    /** Removes a key outright, e.g. a list whose owner is gone: a partial list is never trusted anyway. */
    record Drop(String key) implements CacheOp {
        @Override
        public Slot slot() {
            return Slot.wholeKey(key);
        }

        @Override
        public long version() {
            return Long.MAX_VALUE;
        }

        @Override
        public Uni<Long> applyTo(VersionedCache cache) {
            return cache.drop(key).replaceWith(Long.MAX_VALUE);
        }
    }
}
