package com.assethatch.project.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaleKeysTest {

    private final StaleKeys staleKeys = new StaleKeys();

    @Test
    void aKeyWhoseWriteFailedStaysStaleUntilRedisHoldsThatVersion() {
        staleKeys.markStale(CacheOp.put(Slot.entry("k"), 5, "five"));
        assertThat(staleKeys.isStale("k")).isTrue();

        staleKeys.caughtUp(Slot.entry("k"), 4);
        assertThat(staleKeys.isStale("k")).as("an older version does not cover the missed one").isTrue();

        staleKeys.caughtUp(Slot.entry("k"), 5);
        assertThat(staleKeys.isStale("k")).isFalse();
        assertThat(staleKeys.size()).isZero();
    }

    @Test
    void theHighestMissedVersionCounts() {
        staleKeys.markStale(CacheOp.put(Slot.entry("k"), 7, "seven"));
        staleKeys.markStale(CacheOp.put(Slot.entry("k"), 3, "three"));
        staleKeys.caughtUp(Slot.entry("k"), 5);
        assertThat(staleKeys.isStale("k")).isTrue();
        staleKeys.caughtUp(Slot.entry("k"), 9);
        assertThat(staleKeys.isStale("k")).isFalse();
    }

    @Test
    void aListStaysStaleUntilEveryMissedMemberIsCaughtUp() {
        staleKeys.markStale(CacheOp.put(Slot.member("list", "a"), 4, "A"));
        staleKeys.markStale(CacheOp.tombstone(Slot.member("list", "b"), 6));

        staleKeys.caughtUp(Slot.member("list", "a"), 4);
        assertThat(staleKeys.isStale("list")).as("member b is still missing").isTrue();

        staleKeys.caughtUp(Slot.member("list", "b"), 8);
        assertThat(staleKeys.isStale("list")).isFalse();
    }

    @Test
    void aFailedDropKeepsTheKeyStaleUntilADropSucceeds() {
        staleKeys.markStale(CacheOp.drop("list"));
        staleKeys.markStale(CacheOp.put(Slot.member("list", "a"), 4, "A"));
        staleKeys.caughtUp(Slot.member("list", "a"), 99);
        assertThat(staleKeys.isStale("list")).as("no version outranks a missed drop").isTrue();

        staleKeys.caughtUp(CacheOp.drop("list").slot(), Long.MAX_VALUE);
        assertThat(staleKeys.isStale("list")).isFalse();
    }

    @Test
    void keysAreIndependent() {
        staleKeys.markStale(CacheOp.put(Slot.entry("one"), 2, "x"));
        assertThat(staleKeys.isStale("two")).isFalse();
        staleKeys.caughtUp(Slot.entry("two"), 100);
        assertThat(staleKeys.isStale("one")).isTrue();
        assertThat(staleKeys.size()).isEqualTo(1);
    }
}
