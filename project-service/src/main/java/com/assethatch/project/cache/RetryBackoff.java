package com.assethatch.project.cache;

import java.time.Duration;

/** How long the relay waits before retrying a failed repair: doubling from {@code initial}, capped at {@code max}. */
public record RetryBackoff(Duration initial, Duration max) {

    /** Doubling stops here, long before a Duration could overflow. */
    private static final int MAX_DOUBLINGS = 20;

    /** The delay after {@code failedAttempts} failures so far (0 before the first retry). */
    public Duration after(int failedAttempts) {
        Duration delay = initial.multipliedBy(1L << Math.min(Math.max(failedAttempts, 0), MAX_DOUBLINGS));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
