package com.assethatch.project.cache;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * A circuit breaker for Redis calls (docs/consistency.md §4): once {@code failureRatio} of the last
 * {@code requestVolume} calls failed (errors and timeouts alike), calls fail at once for {@code delay}; then one
 * trial call decides whether Redis is back (the window starts afresh) or the breaker stays open another delay.
 *
 * <p>Hand-written on purpose: the same policy through SmallRye Fault Tolerance's interceptor cost a thread-offload
 * hop and a context-propagation snapshot on every Redis call, a large share of a cache hit (see README,
 * Benchmarks). A rejected call fails with {@link RedisUnavailableException}; callers fall back to Postgres as for
 * any Redis failure.
 */
@ApplicationScoped
public class RedisBreaker {

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private final int requestVolume;
    private final double failureRatio;
    private final long delayNanos;
    /** The outcomes of the last {@code requestVolume} calls in the closed state, true for a failure. */
    private final boolean[] window;
    private int recorded;
    private int next;
    private int failures;
    private State state = State.CLOSED;
    private long openUntilNanos;
    private boolean trialInFlight;

    public RedisBreaker(CacheConfig config) {
        CacheConfig.Breaker breaker = config.breaker();
        this.requestVolume = breaker.requestVolume();
        this.failureRatio = breaker.failureRatio();
        this.delayNanos = breaker.delay().toNanos();
        this.window = new boolean[requestVolume];
    }

    /** Runs {@code call} if the breaker lets it through, recording its outcome; else fails without calling Redis. */
    public <T> Uni<T> guard(Uni<T> call) {
        return Uni.createFrom().deferred(() -> {
            if (!admit(System.nanoTime())) {
                return Uni.createFrom().failure(new RedisUnavailableException());
            }
            return call.onItemOrFailure().invoke((item, failure) -> record(failure != null, System.nanoTime()));
        });
    }

    private synchronized boolean admit(long now) {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (now - openUntilNanos < 0) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default: // HALF_OPEN: only the one trial call
                return false;
        }
    }

    private synchronized void record(boolean failed, long now) {
        if (state == State.HALF_OPEN) {
            if (!trialInFlight) {
                return;
            }
            trialInFlight = false;
            if (failed) {
                open(now);
            } else {
                close();
            }
            return;
        }
        if (state == State.OPEN) {
            return; // a call admitted before the breaker opened
        }
        if (recorded == requestVolume && window[next]) {
            failures--;
        }
        window[next] = failed;
        if (failed) {
            failures++;
        }
        next = (next + 1) % requestVolume;
        recorded = Math.min(recorded + 1, requestVolume);
        if (recorded == requestVolume && failures >= failureRatio * requestVolume) {
            open(now);
        }
    }

    private void open(long now) {
        state = State.OPEN;
        openUntilNanos = now + delayNanos;
    }

    private void close() {
        state = State.CLOSED;
        recorded = 0;
        next = 0;
        failures = 0;
        Arrays.fill(window, false);
    }

    /** A Redis call refused by the open breaker. */
    public static final class RedisUnavailableException extends RuntimeException {
        RedisUnavailableException() {
            super("Redis calls are suspended after repeated failures (circuit breaker open)", null, false, false);
        }
    }
}
