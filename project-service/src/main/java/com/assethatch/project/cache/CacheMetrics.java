package com.assethatch.project.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Cache hit ratio, write-through failures and the repair backlog, under /q/metrics (from start-up on). */
@Startup
@ApplicationScoped
public class CacheMetrics {

    private final Counter hits;
    private final Counter misses;
    private final Counter readErrors;
    private final Counter bypasses;
    private final Counter writeFailures;
    private final Counter repairs;
    private final AtomicLong outboxBacklog = new AtomicLong();

    public CacheMetrics(MeterRegistry registry, StaleKeys staleKeys) {
        hits = readCounter(registry, "hit");
        misses = readCounter(registry, "miss");
        readErrors = readCounter(registry, "error");
        bypasses = readCounter(registry, "bypass");
        writeFailures = Counter.builder("asset_hatch.cache.write.failures")
                .description("Write-throughs that failed after the commit and were left to the outbox relay")
                .register(registry);
        repairs = Counter.builder("asset_hatch.cache.repairs")
                .description("Cache entries repaired by the outbox relay")
                .register(registry);
        registry.gauge("asset_hatch.cache.outbox.backlog", outboxBacklog);
        registry.gauge("asset_hatch.cache.stale.keys", staleKeys, StaleKeys::size);
    }

    private static Counter readCounter(MeterRegistry registry, String result) {
        return Counter.builder("asset_hatch.cache.reads")
                .description("Cache reads by result: hit, miss, error (Redis failed) or bypass (stale key)")
                .tag("result", result)
                .register(registry);
    }

    void hit() {
        hits.increment();
    }

    void miss() {
        misses.increment();
    }

    void readError() {
        readErrors.increment();
    }

    void bypass() {
        bypasses.increment();
    }

    void writeFailed() {
        writeFailures.increment();
    }

    void repaired(int count) {
        repairs.increment(count);
    }

    void outboxBacklog(long rows) {
        outboxBacklog.set(rows);
    }

    public long outboxBacklog() {
        return outboxBacklog.get();
    }
}
