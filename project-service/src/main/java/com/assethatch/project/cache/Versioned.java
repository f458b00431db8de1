package com.assethatch.project.cache;

/** A cached row: it carries the version the schema gave it (docs/consistency.md §2). */
public interface Versioned {

    long version();
}
