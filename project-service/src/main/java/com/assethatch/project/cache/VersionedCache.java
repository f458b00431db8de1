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
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The Redis fast tier. Every write is a compare-and-set in Lua: a value is stored only if its
 * version is higher than the one Redis holds, so a slow writer can never put an older row back.
 * Every command is bounded by {@link CacheConfig#commandTimeout()}; failures surface as failed
 * {@link Uni}s and the callers fall back to Postgres. A circuit breaker ({@link RedisBreaker}, settings under
 * {@code asset-hatch.cache.breaker}) stops calling a Redis that keeps failing, so a hanging Redis costs requests
 * nothing after the first few timeouts. Scripts are called by digest ({@link LuaScript}).
 */
@ApplicationScoped
public class VersionedCache {

    /** Field holding the version of an entity hash; its payload is in {@link #PAYLOAD}. */
    private static final String VERSION = "v";
    private static final String PAYLOAD = "d";
    /** Fields of bookkeeping, never members: names start with this prefix (ids and types never do). */
    static final String RESERVED_PREFIX = "__";
    /** Index field present only when the index was loaded in full from Postgres. */
    static final String COMPLETE_MARKER = "__complete";
    private static final String TOMBSTONE = "";
    private static final long FILL_REFUSED = -1;

    /*
     * Writes (after a commit, or by the relay) compare-and-set by version. Fills (a read that missed,
     * repopulating from Postgres) are guarded too: the reader plants a token in the hash BEFORE it reads
     * Postgres, every write removes it, and the fill is applied only if its token is still there. So a
     * fill can never store a snapshot older than a write that completed meanwhile, even if Redis lost
     * that write (flush, eviction, expiry) in between: then the token is gone as well.
     */

    // KEYS[1] entity hash; ARGV: version, payload ("" = tombstone), ttl seconds, fill token (FILL_ENTITY only),
    // then (view field, rendering) pairs. Returns the version Redis now holds. A stored version replaces the whole
    // hash, so a view can never outlive the payload it was rendered from.
    private static final LuaScript PUT_ENTITY = LuaScript.of("""
            redis.call('HDEL', KEYS[1], '__fill')
            local current = tonumber(redis.call('HGET', KEYS[1], 'v'))
            local incoming = tonumber(ARGV[1])
            if current and current >= incoming then return current end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2], unpack(ARGV, 5))
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            return incoming
            """);

    // Index members are stored as "<version>:<payload>" so one HGETALL returns the whole list.
    // KEYS[1] index hash; ARGV: field, version, payload ("" = removed), ttl seconds.
    private static final LuaScript PUT_INDEX_ENTRY = LuaScript.of("""
            redis.call('HDEL', KEYS[1], '__fill')
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            local incoming = tonumber(ARGV[2])
            if current then
              local held = tonumber(string.match(current, '^(%d+):'))
              if held >= incoming then return held end
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. ARGV[3])
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            return incoming
            """);

    // KEYS[1] entity or index hash; ARGV: token, ttl seconds for a hash this creates.
    private static final LuaScript BEGIN_FILL = LuaScript.of("""
            redis.call('HSET', KEYS[1], '__fill', ARGV[1])
            if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
            return 1
            """);

    // KEYS[1] entity hash; ARGV as PUT_ENTITY plus the fill token. Returns the version held, or -1 if refused.
    private static final LuaScript FILL_ENTITY = LuaScript.of(
            "if redis.call('HGET', KEYS[1], '__fill') ~= ARGV[4] then return -1 end\n" + PUT_ENTITY.source());

    /** No fill token: a write-through or repair (PUT_ENTITY ignores its fourth argument). */
    private static final String NO_TOKEN = "";
    /** Prefix of the hash fields that hold a rendering of the payload (e.g. the qualities view of a project). */
    private static final String VIEW_PREFIX = "d:";
    /** The view holding the row's owner id, read with every view. */
    public static final String OWNER_VIEW = "owner";

    // KEYS[1] index hash; ARGV: token, ttl seconds, then (field, version, payload) triples read from Postgres.
    // Members holding a newer version are kept and members missing from the load are never removed;
    // then the index is marked complete. Returns 1, or -1 if refused.
    private static final LuaScript FILL_INDEX = LuaScript.of("""
            if redis.call('HGET', KEYS[1], '__fill') ~= ARGV[1] then return -1 end
            redis.call('HDEL', KEYS[1], '__fill')
            for i = 3, #ARGV, 3 do
              local current = redis.call('HGET', KEYS[1], ARGV[i])
              local held = current and tonumber(string.match(current, '^(%d+):'))
              if not held or held < tonumber(ARGV[i + 1]) then
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1] .. ':' .. ARGV[i + 2])
              end
            end
            redis.call('HSET', KEYS[1], '__complete', '1')
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            return 1
            """);

    private final ReactiveRedisDataSource redis;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final CacheConfig config;
    private final RedisBreaker breaker;

    public VersionedCache(ReactiveRedisDataSource redis, CacheConfig config, RedisBreaker breaker) {
        this.redis = redis;
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.config = config;
        this.breaker = breaker;
    }

    /** Applies one operation; returns the version Redis then holds in its slot. */
    public Uni<Long> apply(CacheOp op) {
        return op.applyTo(this);
    }

    /** Stores a row or list member by compare-and-set; returns the version Redis then holds. */
    Uni<Long> put(CacheOp.Put put) {
        Slot slot = put.slot();
        String version = String.valueOf(put.version());
        String payload = payloadOrTombstone(put.payload());
        Uni<Response> script = slot.isEntry()
                ? eval(PUT_ENTITY, slot.key(), entityArguments(version, payload, ttlSeconds(put.payload() == null), NO_TOKEN,
                        put.views()))
                : eval(PUT_INDEX_ENTRY, slot.key(), slot.member(), version, payload, ttlSeconds(false));
        return bounded(script).map(Response::toLong);
    }

    Uni<Void> drop(String key) {
        return bounded(redis.key().del(key)).replaceWithVoid();
    }

    /** The payload stored under {@code key}; empty on a miss or a tombstone. */
    public Uni<Optional<String>> getEntity(String key) {
        return bounded(hashes.hmget(key, VERSION, PAYLOAD))
                .map(fields -> Optional.ofNullable(fields.get(PAYLOAD)).filter(payload -> !payload.isEmpty()));
    }

    /**
     * One view of the row under {@code key} (stored by a put or fill next to its payload, see {@link EntryContent}),
     * as Redis holds it, with the row's version: no decoding. Empty on a miss, a tombstone or a row stored without it.
     */
    public Uni<Optional<CachedView>> getView(String key, String view) {
        return bounded(redis.execute("HMGET", key, VERSION, VIEW_PREFIX + view, VIEW_PREFIX + OWNER_VIEW)).map(fields -> {
            Response version = fields.get(0);
            Response rendering = fields.get(1);
            Response owner = fields.get(2);
            return version == null || rendering == null ? Optional.empty()
                    : Optional.of(new CachedView(version.toLong(), rendering.toBytes(), owner == null ? null : owner.toString()));
        });
    }

    /** The members of an index, or empty when the index is not known to be complete. */
    public Uni<Optional<List<String>>> getCompleteIndex(String indexKey) {
        return bounded(hashes.hgetall(indexKey)).map(VersionedCache::completeMembers);
    }

    /** Starts a fill of {@code key}: returns the token the fill must present. */
    public Uni<String> beginFill(String key) {
        String token = UUID.randomUUID().toString();
        return bounded(eval(BEGIN_FILL, key, token, String.valueOf(config.fillTtl().toSeconds()))).replaceWith(token);
    }

    /** Stores a row read from Postgres unless a write happened since {@link #beginFill}; returns the version held, if applied. */
    public Uni<OptionalLong> fillEntity(String key, String token, long version, String payload) {
        return fillEntity(key, token, version, new EntryContent(payload, Map.of()));
    }

    /** As {@link #fillEntity(String, String, long, String)}, with the row's views next to its payload. */
    public Uni<OptionalLong> fillEntity(String key, String token, long version, EntryContent content) {
        return bounded(eval(FILL_ENTITY, key, entityArguments(String.valueOf(version), content.payload(), ttlSeconds(false),
                        token, content.views())))
                .map(held -> held.toLong() == FILL_REFUSED ? OptionalLong.empty() : OptionalLong.of(held.toLong()));
    }

    /** Loads a whole index read from Postgres and marks it complete, unless a write happened since {@link #beginFill}. */
    public Uni<Boolean> fillIndex(String indexKey, String token, List<IndexEntry> entries) {
        List<String> args = new ArrayList<>(2 + entries.size() * 3);
        args.add(token);
        args.add(ttlSeconds(false));
        for (IndexEntry entry : entries) {
            args.add(entry.field());
            args.add(String.valueOf(entry.version()));
            args.add(entry.payload());
        }
        return bounded(eval(FILL_INDEX, indexKey, args.toArray(String[]::new)))
                .map(result -> result.toLong() != FILL_REFUSED);
    }

    /** Whether Redis answers a PING in time, whatever the breaker says; never fails. */
    public Uni<RedisState> state() {
        return timed(redis.execute("PING")).replaceWith(RedisState.UP).onFailure().recoverWithItem(RedisState.DOWN);
    }

    /**
     * A view's bytes as stored, the version of the row they were rendered from, and the row's owner when its layout
     * stores one (the {@link #OWNER_VIEW} view), so an owner check needs no decoding either.
     */
    public record CachedView(long version, byte[] body, String ownerId) {
    }

    public record IndexEntry(String field, long version, String payload) {
    }

    private static Optional<List<String>> completeMembers(Map<String, String> fields) {
        if (!fields.containsKey(COMPLETE_MARKER)) {
            return Optional.empty();
        }
        List<String> members = new ArrayList<>(fields.size());
        fields.forEach((field, value) -> {
            if (!field.startsWith(RESERVED_PREFIX)) {
                String payload = value.substring(value.indexOf(':') + 1);
                if (!payload.isEmpty()) {
                    members.add(payload);
                }
            }
        });
        return Optional.of(members);
    }

    private static String[] entityArguments(String version, String payload, String ttlSeconds, String token,
            Map<String, String> views) {
        String[] args = new String[4 + views.size() * 2];
        args[0] = version;
        args[1] = payload;
        args[2] = ttlSeconds;
        args[3] = token;
        int next = 4;
        for (Map.Entry<String, String> view : views.entrySet()) {
            args[next++] = VIEW_PREFIX + view.getKey();
            args[next++] = view.getValue();
        }
        return args;
    }

    /** Runs a script by its digest; a Redis that does not know it yet gets its source once. */
    private Uni<Response> eval(LuaScript script, String key, String... args) {
        return redis.execute("EVALSHA", command(script.sha1(), key, args))
                .onFailure(LuaScript::isUnknownScript).recoverWithUni(() -> redis.execute("EVAL", command(script.source(), key, args)));
    }

    private static String[] command(String script, String key, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = script;
        command[1] = "1";
        command[2] = key;
        System.arraycopy(args, 0, command, 3, args.length);
        return command;
    }

    private static String payloadOrTombstone(String payload) {
        return payload == null ? TOMBSTONE : payload;
    }

    private String ttlSeconds(boolean tombstone) {
        Duration ttl = tombstone ? config.tombstoneTtl() : config.entryTtl();
        return String.valueOf(ttl.toSeconds());
    }

    /** A command bounded in time and guarded by the breaker. */
    private <T> Uni<T> bounded(Uni<T> command) {
        return breaker.guard(timed(command));
    }

    private <T> Uni<T> timed(Uni<T> command) {
        return command.ifNoItem().after(config.commandTimeout()).fail();
    }
}
