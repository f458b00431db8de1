package com.assethatch.project.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.project.support.Stores;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The compare-and-set rules of the fast tier, against the real Redis, one race at a time. */
@QuarkusTest
class VersionedCacheTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    VersionedCache cache;

    @Inject
    Stores stores;

    @Test
    void aWriteOnlyReplacesAnOlderVersion() {
        String key = uniqueKey();
        assertThat(put(key, 5, "five")).isEqualTo(5);
        assertThat(put(key, 3, "three")).as("an older write is refused").isEqualTo(5);
        assertThat(payload(key)).isEqualTo("five");
        assertThat(put(key, 9, "nine")).isEqualTo(9);
        assertThat(payload(key)).isEqualTo("nine");
    }

    @Test
    void aTombstoneKeepsLateOlderWritesFromResurrectingARow() {
        String key = uniqueKey();
        put(key, 5, "alive");
        assertThat(cache.apply(CacheOp.tombstone(Slot.entry(key), 8)).await().atMost(WAIT)).isEqualTo(8);
        put(key, 6, "late write");
        assertThat(cache.getEntity(key).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void aFillIsRefusedWhenAWriteHappenedSinceItsReadBegan() {
        String key = uniqueKey();
        String token = cache.beginFill(key).await().atMost(WAIT);
        put(key, 7, "committed meanwhile");
        assertThat(cache.fillEntity(key, token, 6, "older snapshot").await().atMost(WAIT)).isEmpty();
        assertThat(payload(key)).isEqualTo("committed meanwhile");
    }

    @Test
    void aFillIsRefusedWhenRedisLostAWriteSinceItsReadBegan() {
        String key = uniqueKey();
        String token = cache.beginFill(key).await().atMost(WAIT);
        put(key, 7, "committed meanwhile");
        stores.flushRedis(); // the write is lost (flush, eviction, expiry)...
        assertThat(cache.fillEntity(key, token, 6, "older snapshot").await().atMost(WAIT))
                .as("...so the older snapshot must not be stored as current").isEmpty();
        assertThat(cache.getEntity(key).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void anUndisturbedFillIsStored() {
        String key = uniqueKey();
        String token = cache.beginFill(key).await().atMost(WAIT);
        assertThat(cache.fillEntity(key, token, 4, "from postgres").await().atMost(WAIT)).isEqualTo(OptionalLong.of(4));
        assertThat(payload(key)).isEqualTo("from postgres");
    }

    @Test
    void anIndexIsOnlyTrustedOnceLoadedInFull() {
        String index = uniqueKey();
        cache.apply(CacheOp.put(Slot.member(index, "a"), 3, "A")).await().atMost(WAIT);
        assertThat(cache.getCompleteIndex(index).await().atMost(WAIT)).as("a partial index").isEmpty();

        String token = cache.beginFill(index).await().atMost(WAIT);
        assertThat(cache.fillIndex(index, token, List.of(new VersionedCache.IndexEntry("b", 2, "B")))
                .await().atMost(WAIT)).isTrue();
        assertThat(cache.getCompleteIndex(index).await().atMost(WAIT)).get().asList()
                .as("members missing from the load are kept").containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void anIndexFillKeepsNewerMembersAndIsRefusedAfterAConcurrentWrite() {
        String index = uniqueKey();
        String token = cache.beginFill(index).await().atMost(WAIT);
        cache.apply(CacheOp.put(Slot.member(index, "a"), 9, "A9")).await().atMost(WAIT);
        assertThat(cache.fillIndex(index, token, List.of(new VersionedCache.IndexEntry("a", 4, "A4")))
                .await().atMost(WAIT)).isFalse();
        assertThat(cache.getCompleteIndex(index).await().atMost(WAIT)).isEmpty();

        String retry = cache.beginFill(index).await().atMost(WAIT);
        cache.fillIndex(index, retry, List.of(new VersionedCache.IndexEntry("a", 4, "A4"))).await().atMost(WAIT);
        assertThat(cache.getCompleteIndex(index).await().atMost(WAIT)).get().asList().containsExactly("A9");
    }

    @Test
    void removedIndexMembersAreNotListed() {
        String index = uniqueKey();
        cache.apply(CacheOp.put(Slot.member(index, "a"), 3, "A")).await().atMost(WAIT);
        cache.apply(CacheOp.tombstone(Slot.member(index, "a"), 5)).await().atMost(WAIT);
        String token = cache.beginFill(index).await().atMost(WAIT);
        cache.fillIndex(index, token, List.of(new VersionedCache.IndexEntry("a", 3, "A"))).await().atMost(WAIT);
        assertThat(cache.getCompleteIndex(index).await().atMost(WAIT)).get().asList().isEmpty();
    }

    private long put(String key, long version, String payload) {
        return cache.apply(CacheOp.put(Slot.entry(key), version, payload)).await().atMost(WAIT);
    }

    private String payload(String key) {
        return cache.getEntity(key).await().atMost(WAIT).orElseThrow();
    }

    private static String uniqueKey() {
        return "ah-test:cache-test:" + UUID.randomUUID();
    }
}
