package com.assethatch.project.cache;

import jakarta.enterprise.context.ApplicationScoped;

/** Builds Redis key names under the configured prefix; each {@link CacheLayout} names its own keys with it. */
@ApplicationScoped
public class CacheKeys {

    private final String prefix;

    public CacheKeys(CacheConfig config) {
        this.prefix = config.keyPrefix();
    }

    /** {@code <prefix>:<part>:<part>...}, e.g. {@code ah:project:farm-01:assets}. */
    public String of(String... parts) {
        return prefix + ":" + String.join(":", parts);
    }
}
