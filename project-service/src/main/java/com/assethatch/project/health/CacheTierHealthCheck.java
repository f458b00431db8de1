package com.assethatch.project.health;

import com.assethatch.project.cache.CacheMetrics;
import com.assethatch.project.cache.RedisState;
import com.assethatch.project.cache.StaleKeys;
import com.assethatch.project.cache.VersionedCache;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the Redis tier without taking the service out of rotation: with Redis down every request
 * is still served from Postgres, so the check stays UP and says {@code degraded}. {@code staleKeys}: keys this
 * instance reads from Postgres until repaired; {@code outboxBacklog}: repairs owed across all projects.
 */
@Readiness
@ApplicationScoped
public class CacheTierHealthCheck implements AsyncHealthCheck {

    private final VersionedCache cache;
    private final StaleKeys staleKeys;
    private final CacheMetrics metrics;

    public CacheTierHealthCheck(VersionedCache cache, StaleKeys staleKeys, CacheMetrics metrics) {
        this.cache = cache;
        this.staleKeys = staleKeys;
        this.metrics = metrics;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return cache.state().map(this::report);
    }

    private HealthCheckResponse report(RedisState redis) {
        return HealthCheckResponse.named("cache-tier").up()
                .withData("redis", redis.value())
                .withData("mode", redis == RedisState.UP ? "normal" : "degraded: serving from Postgres")
                .withData("staleKeys", staleKeys.size())
                .withData("outboxBacklog", metrics.outboxBacklog())
                .build();
    }
}
