package com.assethatch.project.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "asset-hatch.events")
public interface EventsConfig {

    /** Comment lines sent this often keep idle SSE connections open through proxies. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** Events a slow SSE client may fall behind by before its stream is closed (EventSource reconnects). */
    @WithDefault("256")
    int clientBuffer();

    /** Delay before re-subscribing to Redis pub/sub after the subscription broke. */
    @WithDefault("PT1S")
    Duration resubscribeDelay();
}
