package com.assethatch.project.cache;

import java.util.List;

/**
 * One change to the fast tier, derived from a committed row. Every put carries the row's version
 * and is applied by compare-and-set: Redis keeps whichever version is highest.
 */
public sealed interface CacheOp {

    /** The keys this operation writes. */
    List<String> keys();

    /** Stores a row at {@code key}; a null payload is a tombstone (the row was deleted). */
    record PutEntity(String key, long version, String payload) implements CacheOp {
        @Override
        public List<String> keys() {
            return List.of(key);
        }
    }

    /** Stores one member of a list index (e.g. a project's assets); a null payload removes it. */
    record PutIndexEntry(String indexKey, String field, long version, String payload) implements CacheOp {
        @Override
        public List<String> keys() {
            return List.of(indexKey);
        }
    }

    /** Removes keys outright; used when the owner of an index is gone. */
    record DropKeys(List<String> keys) implements CacheOp {
    }
}
