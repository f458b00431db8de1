package com.assethatch.project.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void theDelayDoublesWithEachFailure() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void theDelayStopsAtTheMaximum() {
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1_000)).as("no overflow however often it failed").isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aNegativeCountIsTreatedAsNoFailure() {
        assertThat(backoff.after(-3)).isEqualTo(Duration.ofMillis(500));
    }
}
