package com.assethatch.project.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "asset-hatch.cache")
public interface CacheConfig {

    /** Prefix of every Redis key this service writes, so several deployments can share one Redis. */
    @WithDefault("ah")
    String keyPrefix();

    /** Longest wait for one Redis command; past it the request carries on from Postgres. */
    @WithDefault("PT0.25S")
    Duration commandTimeout();

    /** How long an entry lives without being written; bounds memory, a miss just reads Postgres. */
    @WithDefault("P7D")
    Duration entryTtl();

    /** How long a read that missed may take to refill the cache from Postgres before its fill is void. */
    @WithDefault("PT1M")
    Duration fillTtl();

    /** How long a deleted row's tombstone keeps late writers from resurrecting it. */
    @WithDefault("P1D")
    Duration tombstoneTtl();

    Relay relay();

    /** When Redis calls stop for a while (see RedisBreaker): {@code failure-ratio} of the last {@code request-volume} failed. */
    Breaker breaker();

    interface Breaker {
        /** Calls the failure ratio is taken over. */
        @WithDefault("20")
        int requestVolume();

        /** Share of failed calls (errors and timeouts) that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long calls fail at once before one trial call decides whether Redis is back. */
        @WithDefault("PT2S")
        Duration delay();
    }

    interface Relay {
        /** How often the outbox relay looks for repairs the cache still owes. */
        @WithDefault("1s")
        String interval();

        /** Outbox rows claimed per relay run. */
        @WithDefault("200")
        int batchSize();

        /** Age before the relay takes a row, so it does not race the request that wrote it. */
        @WithDefault("PT2S")
        Duration grace();

        /** First retry delay after a failed repair; doubles per attempt up to maxBackoff. */
        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /** How long shutdown waits for a relay run in flight to finish. */
        @WithDefault("PT5S")
        Duration shutdownWait();
    }
}
