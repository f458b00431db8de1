package com.assethatch.project.cache;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * A circuit breaker for Redis calls (docs/consistency.md §4): once {@code failureRatio} of the last
 * {@code requestVolume} calls failed (errors and timeouts alike), calls fail at once for {@code delay}; then one
 * trial call decides whether Redis is back or the breaker stays open another delay.
 *
 * <p>SmallRye Fault Tolerance's programmatic {@link Guard}, built once: unlike the {@code @CircuitBreaker}
 * interceptor it keeps no per-call interceptor chain, and with thread offload off a guarded {@link Uni} runs on
 * the caller's thread (the event loop), so the breaker costs a cache hit no hop (see README, Benchmarks).
 * A rejected call fails with {@link RedisUnavailableException}; callers fall back to Postgres as for any Redis
 * failure.
 */
@ApplicationScoped
public class RedisBreaker {

    /** The trial calls that must succeed, after the delay, before the breaker closes again. */
    private static final int TRIAL_CALLS = 1;

    private final Guard guard;

    public RedisBreaker(CacheConfig config) {
        CacheConfig.Breaker breaker = config.breaker();
        this.guard = Guard.create()
                .withDescription("Redis")
                .withCircuitBreaker()
                    .requestVolumeThreshold(breaker.requestVolume())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(TRIAL_CALLS)
                    .done()
                .withThreadOffload(false)
                .build();
    }

    /** Runs {@code call} if the breaker lets it through, recording its outcome; else fails without calling Redis. */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> guard(Uni<T> call) {
        Uni<T> guarded = guard.get(() -> call, Uni.class);
        return guarded.onFailure(CircuitBreakerOpenException.class).transform(open -> new RedisUnavailableException());
    }

    /** A Redis call refused by the open breaker. */
    public static final class RedisUnavailableException extends RuntimeException {
        RedisUnavailableException() {
            super("Redis calls are suspended after repeated failures (circuit breaker open)", null, false, false);
        }
    }
}
