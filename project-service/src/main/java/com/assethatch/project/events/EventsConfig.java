package com.assethatch.project.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "asset-hatch.events")
public interface EventsConfig {

    /** Comment lines sent this often keep idle SSE connections open through proxies. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /**
     * How long the change log keeps a change: a client may resume (Last-Event-ID) from a version this recent; one
     * resuming from an older version gets a {@code resync} event instead.
     */
    @WithDefault("PT24H")
    Duration retention();

    /** How often changes older than {@link #retention()} are pruned. */
    @WithDefault("PT10M")
    Duration pruneInterval();

    /** Changes read from the log per query while a stream replays or catches up. */
    @WithDefault("200")
    int readBatch();

    /**
     * Every stream also reads the log this often without being woken: a safety net, since notifications already wake
     * it and a broken LISTEN connection makes every stream catch up when it is back.
     */
    @WithDefault("PT30S")
    Duration catchUpInterval();

    /** Delay before the LISTEN connection to Postgres is opened again after it broke. */
    @WithDefault("PT1S")
    Duration listenerReconnectDelay();
}
