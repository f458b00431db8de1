package com.assethatch.project.cache;

import com.assethatch.project.cache.VersionedCache.CachedView;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one kind of row lives in Redis. A subclass declares only its layout: the outbox entity type, its
 * keys (a key of its own per row, a member in its project's list, or both), how to load it from Postgres,
 * and, where the defaults do not fit, its operations for a row or a tombstone. It inherits the rest: find,
 * list, the write-through after a commit and the operations that repair it (docs/consistency.md).
 */
public abstract class CacheLayout<T extends Versioned> {

    private final Class<T> type;
    private final CacheTier tier;

    protected CacheLayout(Class<T> type, CacheTier tier) {
        this.type = type;
        this.tier = tier;
    }

    // ---- the layout, declared by each kind of row ----

    /** The {@code entity_type} the schema's triggers record in the cache outbox for this table. */
    public abstract String entityType();

    /** The id the outbox records for the row ({@code entity_id}). */
    protected abstract String idOf(T row);

    /** Reads the row from Postgres by that id. */
    protected abstract Uni<Optional<T>> load(String id);

    /** The row's own key, for reads by id; null when rows live only in their project's list. */
    protected String entryKey(String id) {
        return null;
    }

    /** The key of a project's list of these rows; null when they are not listed. */
    protected String listKey(String projectId) {
        return null;
    }

    /** The row's project, for its list key; only listed layouts need it. */
    protected String projectIdOf(T row) {
        return null;
    }

    /** The row's field in its project's list. */
    protected String memberOf(T row) {
        return idOf(row);
    }

    /** Reads a project's whole list from Postgres. */
    protected Uni<List<T>> loadAll(String projectId) {
        throw new UnsupportedOperationException(entityType() + " rows are not listed");
    }

    /**
     * Renderings of the row that reads serve as stored, by view name ({@link #findView}); none by default. Each is
     * stored with the row, in the same call, under its own key.
     */
    protected Map<String, String> viewsOf(T row) {
        return Map.of();
    }

    /** Stores the row under its own key and in its project's list, whichever the layout has. */
    protected List<CacheOp> opsFor(T row, EntryContent content) {
        List<CacheOp> ops = new ArrayList<>(2);
        String entryKey = entryKey(idOf(row));
        if (entryKey != null) {
            ops.add(CacheOp.put(Slot.entry(entryKey), row.version(), content));
        }
        String listKey = listKey(projectIdOf(row));
        if (listKey != null) {
            ops.add(CacheOp.put(Slot.member(listKey, memberOf(row)), row.version(), content.payload()));
        }
        return ops;
    }

    /** Tombstones the row under its own key and in its project's list, whichever the layout has. */
    protected List<CacheOp> opsFor(Tombstone tombstone) {
        List<CacheOp> ops = new ArrayList<>(2);
        String entryKey = entryKey(tombstone.id());
        if (entryKey != null) {
            ops.add(CacheOp.tombstone(Slot.entry(entryKey), tombstone.version()));
        }
        String listKey = listKey(tombstone.projectId());
        if (listKey != null) {
            ops.add(CacheOp.tombstone(Slot.member(listKey, tombstone.id()), tombstone.version()));
        }
        return ops;
    }

    /** JSON of a value, for {@link #viewsOf}: the same mapper that renders responses. */
    protected final String encode(Object value) {
        return tier.readThrough.encode(value);
    }

    /** {@code <prefix>:<part>:...}, for the layout's key names. */
    protected final String key(String... parts) {
        return tier.keys.of(parts);
    }

    // ---- inherited ----

    /** The row, from Redis when it holds a trustworthy copy, else from Postgres (then cached). */
    public final Uni<Optional<T>> find(String id) {
        return tier.readThrough.entity(entryKey(id), type, () -> load(id), this::contentOf);
    }

    /**
     * One of the row's views ({@link #viewsOf}) as bytes: from Redis as stored when it holds a trustworthy copy (no
     * JSON work), else rendered from Postgres (then cached with the row). Empty when there is no such row.
     */
    public final Uni<Optional<CachedView>> findView(String id, String view) {
        return tier.readThrough.view(entryKey(id), view, () -> load(id), this::contentOf);
    }

    /** A project's rows, from Redis when it holds the complete list, else from Postgres (then cached). */
    public final Uni<List<T>> list(String projectId) {
        return tier.readThrough.index(listKey(projectId), type, this::memberOf, () -> loadAll(projectId));
    }

    /** What a committed row owes the cache. */
    public final CacheUpdate updateFor(T row) {
        return CacheUpdate.of(opsFor(row, contentOf(row)), new Settlement(entityType(), idOf(row), row.version()));
    }

    /** What a deleted row owes the cache. */
    public final CacheUpdate updateFor(Tombstone tombstone) {
        return CacheUpdate.of(opsFor(tombstone), new Settlement(entityType(), tombstone.id(), tombstone.version()));
    }

    /** Writes a committed row through to Redis; completes with the row whether Redis took it or not. */
    public final Uni<T> afterCommit(T row) {
        return tier.writeThrough.afterCommit(updateFor(row)).replaceWith(row);
    }

    /** Writes a deletion through to Redis; completes with the tombstone whether Redis took it or not. */
    public final Uni<Tombstone> afterCommit(Tombstone tombstone) {
        return tier.writeThrough.afterCommit(updateFor(tombstone)).replaceWith(tombstone);
    }

    /**
     * The operations that bring Redis to the row's current state in Postgres: the row as it is now, or a
     * tombstone at a fresh version once it is gone. The outbox relay applies them.
     */
    final Uni<List<CacheOp>> repairOperations(String id, String projectId) {
        return load(id).flatMap(row -> row.isPresent()
                ? Uni.createFrom().item(opsFor(row.get(), contentOf(row.get())))
                : tier.versions.next().map(version -> opsFor(new Tombstone(id, projectId, version))));
    }

    private EntryContent contentOf(T row) {
        return new EntryContent(encode(row), viewsOf(row));
    }
}
