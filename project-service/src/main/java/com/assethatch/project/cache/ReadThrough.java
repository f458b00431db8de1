package com.assethatch.project.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Cache-first reads: Redis when it holds a trustworthy value, else Postgres, then repopulate Redis
 * by compare-and-set. A Redis failure only costs latency. Keys with a repair pending are read from
 * Postgres, so a stale value is never returned.
 */
@ApplicationScoped
public class ReadThrough {

    private final VersionedCache cache;
    private final WriteThrough writeThrough;
    private final PendingRepairs pendingRepairs;
    private final CacheMetrics metrics;
    private final ObjectMapper json;

    public ReadThrough(VersionedCache cache, WriteThrough writeThrough, PendingRepairs pendingRepairs,
            CacheMetrics metrics, ObjectMapper json) {
        this.cache = cache;
        this.writeThrough = writeThrough;
        this.pendingRepairs = pendingRepairs;
        this.metrics = metrics;
        this.json = json;
    }

    /** Describes how one kind of row is cached: its type, version and the operations that store it. */
    public record Shape<T>(Class<T> type, ToLongFunction<T> version, Function<T, List<CacheOp>> ops) {
    }

    /** One row by key; an empty result means Postgres has no such row either. */
    public <T> Uni<Optional<T>> entity(String key, Shape<T> shape, Supplier<Uni<Optional<T>>> database) {
        if (pendingRepairs.isPending(key)) {
            metrics.bypass();
            return fromDatabase(database, shape);
        }
        return cache.getEntity(key)
                .onFailure().recoverWithItem(e -> {
                    metrics.readError();
                    Log.debugf("Cache read of %s failed, reading Postgres: %s", key, WriteThrough.describe(e));
                    return null;
                })
                .flatMap(cached -> {
                    if (cached != null && cached.isPresent()) {
                        Optional<T> decoded = decode(cached.get(), shape.type());
                        if (decoded.isPresent()) {
                            metrics.hit();
                            return Uni.createFrom().item(decoded);
                        }
                    }
                    if (cached != null) {
                        metrics.miss();
                    }
                    return fromDatabase(database, shape);
                });
    }

    /**
     * A whole list (e.g. a project's assets). Redis answers only when the index was loaded in full,
     * so a cold or partly filled index never looks complete.
     */
    public <T> Uni<List<T>> index(String indexKey, Shape<T> shape, Function<T, String> field,
            Supplier<Uni<List<T>>> database) {
        if (pendingRepairs.isPending(indexKey)) {
            metrics.bypass();
            return database.get();
        }
        return cache.getCompleteIndex(indexKey)
                .onFailure().recoverWithItem(e -> {
                    metrics.readError();
                    Log.debugf("Cache read of %s failed, reading Postgres: %s", indexKey, WriteThrough.describe(e));
                    return null;
                })
                .flatMap(cached -> {
                    if (cached != null && cached.isPresent()) {
                        Optional<List<T>> decoded = decodeAll(cached.get(), shape.type());
                        if (decoded.isPresent()) {
                            metrics.hit();
                            return Uni.createFrom().item(decoded.get());
                        }
                    }
                    if (cached != null) {
                        metrics.miss();
                    }
                    return database.get().call(rows -> loadIndex(indexKey, rows, shape, field));
                });
    }

    public String encode(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> Uni<Optional<T>> fromDatabase(Supplier<Uni<Optional<T>>> database, Shape<T> shape) {
        return database.get().call(row -> row.isEmpty() ? Uni.createFrom().voidItem() : repopulate(row.get(), shape));
    }

    private <T> Uni<Void> repopulate(T row, Shape<T> shape) {
        return writeThrough.apply(shape.ops().apply(row))
                .onFailure().invoke(e -> Log.debugf("Cache repopulation failed: %s", WriteThrough.describe(e)))
                .onFailure().recoverWithNull();
    }

    private <T> Uni<Void> loadIndex(String indexKey, List<T> rows, Shape<T> shape, Function<T, String> field) {
        List<VersionedCache.IndexEntry> entries = rows.stream()
                .map(row -> new VersionedCache.IndexEntry(field.apply(row), shape.version().applyAsLong(row), encode(row)))
                .toList();
        return cache.loadIndex(indexKey, entries)
                .onFailure().invoke(e -> Log.debugf("Loading index %s failed: %s", indexKey, WriteThrough.describe(e)))
                .onFailure().recoverWithNull();
    }

    private <T> Optional<T> decode(String payload, Class<T> type) {
        try {
            return Optional.of(json.readValue(payload, type));
        } catch (JsonProcessingException e) {
            // An entry written by an older release: treat it as a miss, the repopulation overwrites it.
            Log.warnf("Unreadable cache entry for %s, reading Postgres instead: %s", type.getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }

    private <T> Optional<List<T>> decodeAll(List<String> payloads, Class<T> type) {
        List<T> rows = payloads.stream().map(payload -> decode(payload, type)).flatMap(Optional::stream).toList();
        return rows.size() == payloads.size() ? Optional.of(rows) : Optional.empty();
    }
}
