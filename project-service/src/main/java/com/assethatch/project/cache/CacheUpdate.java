package com.assethatch.project.cache;

import java.util.List;
import java.util.stream.Stream;

/** What one commit owes the cache: the operations that bring Redis up to date and the outbox rows they settle. */
public record CacheUpdate(List<CacheOp> ops, List<Settlement> settled) {

    public static CacheUpdate of(List<CacheOp> ops, Settlement settled) {
        return new CacheUpdate(ops, List.of(settled));
    }

    /** Both updates in one, each operation once. */
    public CacheUpdate plus(CacheUpdate other) {
        return new CacheUpdate(Stream.concat(ops.stream(), other.ops.stream()).distinct().toList(),
                Stream.concat(settled.stream(), other.settled.stream()).toList());
    }

    public static CacheUpdate none() {
        return new CacheUpdate(List.of(), List.of());
    }
}
