package com.assethatch.export.plan;

import io.smallrye.config.ConfigMapping;

/** The parse route's settings; every default is in application.properties. */
@ConfigMapping(prefix = "asset-hatch.plans")
public interface PlanConfig {

    /**
     * Largest plan the parse endpoint accepts, in bytes; the stored plan is capped at 10 MB too. Keep
     * {@code quarkus.http.limits.max-body-size} above it, or larger bodies are cut off before this check and
     * answered without the API's error shape.
     */
    long maxBytes();
}
