package com.assethatch.common.error;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "asset-hatch.errors")
public interface HttpErrorsConfig {

    /** Sent as Retry-After with every 503: how long a client should wait before trying again. */
    @WithDefault("PT5S")
    Duration retryAfter();
}
