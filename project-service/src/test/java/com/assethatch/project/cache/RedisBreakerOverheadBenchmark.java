package com.assethatch.project.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What {@link RedisBreaker#guard} adds to a call, in ns per call, next to the same call unguarded, on a Vert.x event
 * loop as in a request. The call is a Uni that completes at once, so the figures are the breaker's own cost (a real
 * Redis round trip on loopback is ~50-100 µs). Not part of the suite (the name does not end in Test); run with
 *   ./mvnw -o -B verify -pl common,project-service -Dtest=RedisBreakerOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 */
@QuarkusTest
class RedisBreakerOverheadBenchmark {

    private static final int WARMUP_ROUNDS = 5;
    private static final int ROUNDS = 9;
    private static final int CALLS_PER_ROUND = 200_000;
    private static long sink;

    @Inject
    Vertx vertx;

    @Test
    void guardedVersusUnguardedCall() throws Exception {
        RedisBreaker breaker = new RedisBreaker(BreakerSettings.of(20, 0.5, Duration.ofSeconds(2)));
        long[] unguarded = onEventLoop(call -> call);
        long[] guarded = onEventLoop(breaker::guard);

        System.out.printf("RedisBreaker overhead, median of %d rounds x %,d calls on a Vert.x event loop (JDK %s, %d"
                + " CPUs; shared machine: indicative)%n", ROUNDS, CALLS_PER_ROUND, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        print("baseline: Uni.item(..) subscribed, no guard", unguarded, unguarded);
        print("RedisBreaker.guard", guarded, unguarded);
        System.out.println("(sink " + sink + ")");
        assertThat(sink).as("every guarded call delivered its item before the round ended (no re-dispatch)")
                .isEqualTo(2L * (WARMUP_ROUNDS + ROUNDS) * CALLS_PER_ROUND);
    }

    private long[] onEventLoop(Function<Uni<Integer>, Uni<Integer>> wrap) throws Exception {
        CompletableFuture<long[]> result = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(ignored -> {
            try {
                for (int i = 0; i < WARMUP_ROUNDS; i++) {
                    round(wrap);
                }
                long[] nanosPerCall = new long[ROUNDS];
                for (int i = 0; i < ROUNDS; i++) {
                    nanosPerCall[i] = round(wrap);
                }
                Arrays.sort(nanosPerCall);
                result.complete(nanosPerCall);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    private static long round(Function<Uni<Integer>, Uni<Integer>> wrap) {
        Uni<Integer> call = Uni.createFrom().item(1);
        long start = System.nanoTime();
        for (int i = 0; i < CALLS_PER_ROUND; i++) {
            wrap.apply(call).subscribe().with(item -> sink += item);
        }
        return (System.nanoTime() - start) / CALLS_PER_ROUND;
    }

    private static void print(String name, long[] sorted, long[] baseline) {
        long median = sorted[ROUNDS / 2];
        long baselineMedian = baseline[ROUNDS / 2];
        System.out.printf("%-60s %,8d ns/call (min %,d, max %,d); %+,d ns, x%.2f of baseline%n", name, median,
                sorted[0], sorted[ROUNDS - 1], median - baselineMedian, (double) median / baselineMedian);
    }
}
