package com.assethatch.e2e.faults;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** What the suite counts across all faults, and the first problems it saw, for the summary and the assertions. */
final class Tally {

    private static final int PROBLEMS_KEPT = 30;

    final AtomicLong faults = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong acknowledgedWrites = new AtomicLong();
    final AtomicLong lostWrites = new AtomicLong();
    final AtomicLong staleReads = new AtomicLong();
    /** Answers no fault excuses: a 5xx other than 503, a 503 while only Redis is in trouble, a 4xx for valid input. */
    final AtomicLong unexpectedAnswers = new AtomicLong();
    /** Requests that got no answer (connection refused or reset, timeout): expected only while the service is killed. */
    final AtomicLong unanswered = new AtomicLong();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();

    void answered(int status) {
        requests.incrementAndGet();
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    void problem(String description) {
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(description);
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    Map<Integer, Long> statuses() {
        Map<Integer, Long> copy = new TreeMap<>();
        statuses.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    String summary() {
        return "FAULT SUITE: faults injected=" + faults + ", requests=" + requests + ", acknowledged writes="
                + acknowledgedWrites + ", lost writes=" + lostWrites + ", stale reads=" + staleReads
                + " (unexpected answers=" + unexpectedAnswers + ", unanswered=" + unanswered + ", statuses=" + statuses() + ")";
    }
}
