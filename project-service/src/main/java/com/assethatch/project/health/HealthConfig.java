package com.assethatch.project.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "asset-hatch.health")
public interface HealthConfig {

    /** How long readiness waits for Postgres to answer {@code SELECT 1} before it reports DOWN. */
    @WithDefault("2S")
    Duration databaseTimeout();
}
