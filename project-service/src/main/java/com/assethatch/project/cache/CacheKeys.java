package com.assethatch.project.cache;

import jakarta.enterprise.context.ApplicationScoped;

/** Names of the Redis keys, in one place so writers, readers and the relay never disagree. */
@ApplicationScoped
public class CacheKeys {

    private final String prefix;

    public CacheKeys(CacheConfig config) {
        this.prefix = config.keyPrefix();
    }

    public String project(String projectId) {
        return prefix + ":project:" + projectId;
    }

    /** Hash of a project's generated assets (metadata only), one field per asset id. */
    public String projectAssets(String projectId) {
        return project(projectId) + ":assets";
    }

    /** Hash of a project's memory files, one field per file type. */
    public String projectMemoryFiles(String projectId) {
        return project(projectId) + ":memory-files";
    }

    public String styleAnchor(String projectId) {
        return project(projectId) + ":style-anchor";
    }

    public String asset(String assetId) {
        return prefix + ":asset:" + assetId;
    }

    /** Pub/sub channel carrying every committed change, for the SSE fan-out of all instances. */
    public String changesChannel() {
        return prefix + ":changes";
    }
}
