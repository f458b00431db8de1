package com.assethatch.project.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.assethatch.project.cache.VersionedCache.CachedView;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Cache-first reads: Redis when it holds a trustworthy value, else Postgres, then a guarded fill of
 * Redis (see {@link VersionedCache}). A Redis failure only costs latency. Stale keys are read from
 * Postgres, so a value older than a committed write is never returned (docs/consistency.md §4, §5).
 */
@ApplicationScoped
class ReadThrough {

    private final VersionedCache cache;
    private final StaleKeys staleKeys;
    private final CacheMetrics metrics;
    private final ObjectMapper json;

    public ReadThrough(VersionedCache cache, StaleKeys staleKeys, CacheMetrics metrics, ObjectMapper json) {
        this.cache = cache;
        this.staleKeys = staleKeys;
        this.metrics = metrics;
        this.json = json;
    }

    /** One row by key; an empty result means Postgres has no such row either. */
    <T extends Versioned> Uni<Optional<T>> entity(String key, Class<T> type, Supplier<Uni<Optional<T>>> database,
            Function<T, EntryContent> content) {
        return cached(key, () -> cache.getEntity(key).map(hit -> hit.flatMap(payload -> decode(payload, type))))
                .flatMap(hit -> hit.isPresent()
                        ? Uni.createFrom().item(hit)
                        : loadAndFill(key, database, content).map(loaded -> loaded.map(Loaded::row)));
    }

    /**
     * One view of a row by key, as bytes: on a hit exactly what Redis holds (no JSON work at all); else rendered
     * from the row read from Postgres, which is then cached with all its views. Empty: Postgres has no such row.
     */
    <T extends Versioned> Uni<Optional<CachedView>> view(String key, String view, Supplier<Uni<Optional<T>>> database,
            Function<T, EntryContent> content) {
        return cached(key, () -> cache.getView(key, view))
                .flatMap(hit -> hit.isPresent()
                        ? Uni.createFrom().item(hit)
                        : loadAndFill(key, database, content).map(loaded -> loaded.map(row -> row.view(view))));
    }

    /** Reads the row from Postgres under a fill token and caches it (payload and views) if no write came between. */
    private <T extends Versioned> Uni<Optional<Loaded<T>>> loadAndFill(String key, Supplier<Uni<Optional<T>>> database,
            Function<T, EntryContent> content) {
        return fill(key, () -> database.get().map(row -> row.map(found -> new Loaded<>(found, content.apply(found)))),
                (token, loaded) -> loaded.isEmpty() ? Uni.createFrom().voidItem()
                        : cache.fillEntity(key, token, loaded.get().row().version(), loaded.get().content())
                                .invoke(held -> held.ifPresent(version -> staleKeys.caughtUp(Slot.entry(key), version)))
                                .replaceWithVoid());
    }

    /** A row read from Postgres and what caching it stores. */
    private record Loaded<T extends Versioned>(T row, EntryContent content) {
        CachedView view(String name) {
            String rendering = content.views().get(name);
            if (rendering == null) {
                throw new IllegalArgumentException(row.getClass().getSimpleName() + " has no view " + name);
            }
            return new CachedView(row.version(), rendering.getBytes(StandardCharsets.UTF_8),
                    content.views().get(VersionedCache.OWNER_VIEW));
        }
    }

    /**
     * A whole list (e.g. a project's assets). Redis answers only when the index was loaded in full,
     * so a cold or partly filled index never looks complete.
     */
    <T extends Versioned> Uni<List<T>> index(String indexKey, Class<T> type, Function<T, String> field,
            Supplier<Uni<List<T>>> database) {
        return cached(indexKey, () -> cache.getCompleteIndex(indexKey)
                        .map(hit -> hit.flatMap(payloads -> decodeAll(payloads, type))))
                .flatMap(hit -> hit.isPresent()
                        ? Uni.createFrom().item(hit.get())
                        : fill(indexKey, database, (token, rows) -> cache.fillIndex(indexKey, token, rows.stream()
                                .map(row -> new VersionedCache.IndexEntry(field.apply(row), row.version(), encode(row)))
                                .toList()).replaceWithVoid()));
    }

    String encode(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** What Redis holds for {@code key}, empty on a miss, an error or a stale key (counted in the metrics). */
    private <R> Uni<Optional<R>> cached(String key, Supplier<Uni<Optional<R>>> lookup) {
        if (staleKeys.isStale(key)) {
            metrics.bypass();
            return Uni.createFrom().item(Optional.empty());
        }
        return lookup.get()
                .invoke(hit -> {
                    if (hit.isPresent()) {
                        metrics.hit();
                    } else {
                        metrics.miss();
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    metrics.readError();
                    Log.debugf("Cache read of %s failed, reading Postgres: %s", key, WriteThrough.describe(e));
                    return Optional.empty();
                });
    }

    /** Reads Postgres under a fill token, then stores what it read; Redis trouble never fails the read. */
    private <R> Uni<R> fill(String key, Supplier<Uni<R>> database, FillStep<R> store) {
        return cache.beginFill(key)
                .onFailure().recoverWithNull()
                .flatMap(token -> database.get().call(rows -> token == null ? Uni.createFrom().voidItem()
                        : store.apply(token, rows)
                                .onFailure().invoke(e -> Log.debugf("Cache fill of %s failed: %s", key, WriteThrough.describe(e)))
                                .onFailure().recoverWithNull()));
    }

    @FunctionalInterface
    private interface FillStep<R> {
        Uni<Void> apply(String token, R rows);
    }

    private <T> Optional<T> decode(String payload, Class<T> type) {
        try {
            return Optional.of(json.readValue(payload, type));
        } catch (JsonProcessingException e) {
            // An entry written by an older release: treat it as a miss.
            Log.warnf("Unreadable cache entry for %s, reading Postgres instead: %s", type.getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }

    private <T> Optional<List<T>> decodeAll(List<String> payloads, Class<T> type) {
        List<T> rows = payloads.stream().map(payload -> decode(payload, type)).flatMap(Optional::stream).toList();
        return rows.size() == payloads.size() ? Optional.of(rows) : Optional.empty();
    }
}
