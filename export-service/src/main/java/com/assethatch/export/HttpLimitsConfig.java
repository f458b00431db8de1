package com.assethatch.export;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** Request body limits per route ({@link BodyLimits}); every default is in application.properties. */
@ConfigMapping(prefix = "asset-hatch.http")
public interface HttpLimitsConfig {

    /** Largest body of every route but {@code POST /api/export}. */
    MemorySize maxBodySize();

    /**
     * Largest body of {@code POST /api/export}, which reads past everything but {@code projectId} as a stream: the
     * newest frontend sends every image again as base64.
     */
    MemorySize exportMaxBodySize();
}
