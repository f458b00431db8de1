package com.assethatch.project.cache;

import com.assethatch.project.persistence.RowVersions;
import jakarta.inject.Singleton;

/**
 * What every {@link CacheLayout} builds on: key names, cache-first reads, write-through and fresh versions.
 * A singleton without a client proxy, so layouts may read its fields.
 */
@Singleton
public class CacheTier {

    final CacheKeys keys;
    final ReadThrough readThrough;
    final WriteThrough writeThrough;
    final RowVersions versions;

    public CacheTier(CacheKeys keys, ReadThrough readThrough, WriteThrough writeThrough, RowVersions versions) {
        this.keys = keys;
        this.readThrough = readThrough;
        this.writeThrough = writeThrough;
        this.versions = versions;
    }
}
