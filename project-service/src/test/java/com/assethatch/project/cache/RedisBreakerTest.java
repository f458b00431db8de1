package com.assethatch.project.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.project.cache.RedisBreaker.RedisUnavailableException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The breaker on its own (a private instance, so the application's breaker is never tripped): its policy, and that
 * a guarded call stays on the caller's event loop (no thread offload, no hop).
 */
@QuarkusTest
class RedisBreakerTest {

    private static final Duration DELAY = Duration.ofMillis(300);
    private static final int VOLUME = 4;

    @Inject
    Vertx vertx;

    @Inject
    ReactiveRedisDataSource redis;

    @Test
    void aGuardedRedisCallRunsAndCompletesOnTheCallersEventLoop() throws Exception {
        RedisBreaker breaker = new RedisBreaker(BreakerSettings.of(VOLUME, 0.5, DELAY));
        Context eventLoop = vertx.getOrCreateContext();
        CompletableFuture<String[]> threads = new CompletableFuture<>();

        eventLoop.runOnContext(ignored -> {
            String caller = Thread.currentThread().getName();
            String[] seen = new String[4];
            breaker.guard(Uni.createFrom().item(() -> {
                seen[0] = Thread.currentThread().getName();
                return "immediate";
            })).subscribe().with(item -> seen[1] = Thread.currentThread().getName());
            if (seen[1] == null) {
                threads.completeExceptionally(new AssertionError("the guarded item was not delivered in the call"));
                return;
            }
            // The Redis client answers on its connection's event loop; the breaker must deliver it right there.
            breaker.guard(redis.execute("PING").invoke(() -> seen[2] = Thread.currentThread().getName()))
                    .subscribe().with(
                            reply -> threads.complete(new String[] {caller, seen[0], seen[1], seen[2],
                                    Thread.currentThread().getName()}),
                            threads::completeExceptionally);
        });

        String[] observed = threads.get(10, TimeUnit.SECONDS);
        assertThat(observed[0]).startsWith("vert.x-eventloop-thread");
        assertThat(new String[] {observed[1], observed[2]}).as("call and its item").containsOnly(observed[0]);
        assertThat(observed[4]).as("the guarded Redis reply").isEqualTo(observed[3]).startsWith("vert.x-eventloop-thread");
    }

    @Test
    void repeatedFailuresOpenTheBreakerThenOneTrialCallClosesIt() throws Exception {
        RedisBreaker breaker = new RedisBreaker(BreakerSettings.of(VOLUME, 0.5, DELAY));
        AtomicInteger calls = new AtomicInteger();
        Uni<String> failing = Uni.createFrom().failure(() -> {
            calls.incrementAndGet();
            return new IllegalStateException("Redis is down");
        });
        for (int i = 0; i < VOLUME; i++) {
            assertThat(outcome(breaker.guard(failing))).isInstanceOf(IllegalStateException.class);
        }

        int callsWhenOpened = calls.get();
        assertThat(outcome(breaker.guard(failing))).isInstanceOf(RedisUnavailableException.class);
        assertThat(calls.get()).as("an open breaker does not call Redis").isEqualTo(callsWhenOpened);

        TimeUnit.MILLISECONDS.sleep(DELAY.toMillis() + 100);
        AtomicInteger trials = new AtomicInteger();
        Uni<String> healthy = Uni.createFrom().item(() -> "v" + trials.incrementAndGet());
        assertThat(outcome(breaker.guard(healthy))).isEqualTo("v1");
        assertThat(outcome(breaker.guard(healthy))).as("closed again after one good trial").isEqualTo("v2");
    }

    @Test
    void aFailedTrialKeepsTheBreakerOpenAnotherDelay() throws Exception {
        RedisBreaker breaker = new RedisBreaker(BreakerSettings.of(VOLUME, 0.5, DELAY));
        Uni<String> failing = Uni.createFrom().failure(() -> new IllegalStateException("Redis is down"));
        for (int i = 0; i < VOLUME; i++) {
            outcome(breaker.guard(failing));
        }
        TimeUnit.MILLISECONDS.sleep(DELAY.toMillis() + 100);

        assertThat(outcome(breaker.guard(failing))).as("the trial reaches Redis").isInstanceOf(IllegalStateException.class);
        assertThat(outcome(breaker.guard(Uni.createFrom().item("up")))).isInstanceOf(RedisUnavailableException.class);
    }

    /** The item, or the failure, of a call that completes at once. */
    private static Object outcome(Uni<String> call) {
        return call.onItem().<Object>transform(item -> item).onFailure().recoverWithItem(failure -> failure)
                .await().atMost(Duration.ofSeconds(5));
    }
}
