package com.assethatch.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.Set;

/** Request body limits per route, enforced by {@link BodyLimits}. */
@ConfigMapping(prefix = "asset-hatch.http")
public interface BodyLimitsConfig {

    /**
     * Largest body of every route not listed in {@link #largeBodyRoutes()}. Unset: the HTTP layer's own limit,
     * {@code quarkus.http.limits.max-body-size}, for every route.
     */
    Optional<MemorySize> maxBodySize();

    /**
     * Routes, as {@code "METHOD /path"}, that read their body as a stream and so may take up to the HTTP layer's
     * own limit ({@code quarkus.http.limits.max-body-size}).
     */
    Optional<Set<String>> largeBodyRoutes();
}
