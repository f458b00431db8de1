package com.assethatch.project.cache;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Redis fast tier. Every write is a compare-and-set in Lua: a value is stored only if its
 * version is higher than the one Redis holds, so a slow writer can never put an older row back.
 * Every command is bounded by {@link CacheConfig#commandTimeout()}; failures surface as failed
 * {@link Uni}s and the callers fall back to Postgres.
 */
@ApplicationScoped
public class VersionedCache {

    /** Field holding the version of an entity hash; its payload is in {@link #PAYLOAD}. */
    private static final String VERSION = "v";
    private static final String PAYLOAD = "d";
    /** Index field present only when the index was loaded in full from Postgres. */
    static final String COMPLETE_MARKER = "__complete";
    private static final String TOMBSTONE = "";

    // KEYS[1] entity hash; ARGV: version, payload ("" = tombstone), ttl seconds. Returns the version Redis now holds.
    private static final String PUT_ENTITY = """
            local current = tonumber(redis.call('HGET', KEYS[1], 'v'))
            local incoming = tonumber(ARGV[1])
            if current and current >= incoming then return current end
            redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            return incoming
            """;

    // Index members are stored as "<version>:<payload>" so one HGETALL returns the whole list.
    // KEYS[1] index hash; ARGV: field, version, payload ("" = removed), ttl seconds.
    private static final String PUT_INDEX_ENTRY = """
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            local incoming = tonumber(ARGV[2])
            if current then
              local held = tonumber(string.match(current, '^(%d+):'))
              if held >= incoming then return held end
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. ARGV[3])
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            return incoming
            """;

    // KEYS[1] index hash; ARGV: ttl seconds, then (field, version, payload) triples read from Postgres.
    // Members already holding a newer version are kept; members not in the load are never removed,
    // so a write that committed after the load's snapshot is not lost. Then the index is marked complete.
    private static final String LOAD_INDEX = """
            for i = 2, #ARGV, 3 do
              local current = redis.call('HGET', KEYS[1], ARGV[i])
              local held = current and tonumber(string.match(current, '^(%d+):'))
              if not held or held < tonumber(ARGV[i + 1]) then
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1] .. ':' .. ARGV[i + 2])
              end
            end
            redis.call('HSET', KEYS[1], '__complete', '1')
            redis.call('EXPIRE', KEYS[1], ARGV[1])
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final CacheConfig config;

    public VersionedCache(ReactiveRedisDataSource redis, CacheConfig config) {
        this.redis = redis;
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.config = config;
    }

    /** Applies one operation; returns the version Redis holds afterwards for the written key (0 for drops). */
    public Uni<Long> apply(CacheOp op) {
        if (op instanceof CacheOp.PutEntity put) {
            return bounded(eval(PUT_ENTITY, put.key(), String.valueOf(put.version()), payloadOrTombstone(put.payload()),
                    ttlSeconds(put.payload() == null))).map(Response::toLong);
        }
        if (op instanceof CacheOp.PutIndexEntry put) {
            return bounded(eval(PUT_INDEX_ENTRY, put.indexKey(), put.field(), String.valueOf(put.version()),
                    payloadOrTombstone(put.payload()), ttlSeconds(false))).map(Response::toLong);
        }
        return bounded(redis.key().del(op.keys().toArray(String[]::new))).replaceWith(0L);
    }

    /** The payload stored under {@code key}; empty on a miss or a tombstone. */
    public Uni<Optional<String>> getEntity(String key) {
        return bounded(hashes.hmget(key, VERSION, PAYLOAD))
                .map(fields -> Optional.ofNullable(fields.get(PAYLOAD)).filter(payload -> !payload.isEmpty()));
    }

    /** The members of an index, or empty when the index is not known to be complete. */
    public Uni<Optional<List<String>>> getCompleteIndex(String indexKey) {
        return bounded(hashes.hgetall(indexKey)).map(VersionedCache::completeMembers);
    }

    /** Fills an index from a Postgres read and marks it complete. */
    public Uni<Void> loadIndex(String indexKey, List<IndexEntry> entries) {
        List<String> args = new ArrayList<>(1 + entries.size() * 3);
        args.add(ttlSeconds(false));
        for (IndexEntry entry : entries) {
            args.add(entry.field());
            args.add(String.valueOf(entry.version()));
            args.add(entry.payload());
        }
        return bounded(eval(LOAD_INDEX, indexKey, args.toArray(String[]::new))).replaceWithVoid();
    }

    public Uni<Void> ping() {
        return bounded(redis.execute("PING")).replaceWithVoid();
    }

    public record IndexEntry(String field, long version, String payload) {
    }

    private static Optional<List<String>> completeMembers(Map<String, String> fields) {
        if (!fields.containsKey(COMPLETE_MARKER)) {
            return Optional.empty();
        }
        List<String> members = new ArrayList<>(fields.size());
        fields.forEach((field, value) -> {
            if (!COMPLETE_MARKER.equals(field)) {
                String payload = value.substring(value.indexOf(':') + 1);
                if (!payload.isEmpty()) {
                    members.add(payload);
                }
            }
        });
        return Optional.of(members);
    }

    private Uni<Response> eval(String script, String key, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = script;
        command[1] = "1";
        command[2] = key;
        System.arraycopy(args, 0, command, 3, args.length);
        return redis.execute("EVAL", command);
    }

    private static String payloadOrTombstone(String payload) {
        return payload == null ? TOMBSTONE : payload;
    }

    private String ttlSeconds(boolean tombstone) {
        Duration ttl = tombstone ? config.tombstoneTtl() : config.entryTtl();
        return String.valueOf(ttl.toSeconds());
    }

    private <T> Uni<T> bounded(Uni<T> command) {
        return command.ifNoItem().after(config.commandTimeout()).fail();
    }
}
