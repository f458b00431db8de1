package com.assethatch.project.cache;

import com.assethatch.project.persistence.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The cache outbox: one row per committed change whose cache update is still owed. The schema's triggers
 * record it in the very statement that changes the row (V2 migration), so a change can never be committed
 * without its repair; a writer settles it once Redis holds the version, else the relay repairs it.
 */
@ApplicationScoped
public class CacheOutbox {

    private final Pool pool;
    private final long graceMillis;

    public CacheOutbox(Pool pool, CacheConfig config) {
        this.pool = pool;
        this.graceMillis = config.relay().grace().toMillis();
    }

    /**
     * Deletes the outbox rows these writes settled (one statement for any number of entities); rows that
     * owe a newer version stay for their own writer or the relay.
     *
     * <p>Its commit does not wait for the WAL flush ({@code synchronous_commit} off for this transaction only): a
     * settlement lost in a crash only leaves rows for the relay, while waiting would put a flush of its own in line
     * with every write's commit, on the disk they share (the PATCH row of scripts/bench, README "Benchmarks").
     */
    public Uni<Void> settle(List<Settlement> settled) {
        return pool.preparedQuery("""
                        DELETE FROM cache_outbox o
                        USING unnest($1::text[], $2::text[], $3::bigint[]) AS s(entity_type, entity_id, version),
                            set_config('synchronous_commit', 'off', true) AS no_flush_wait
                        WHERE o.entity_type = s.entity_type AND o.entity_id = s.entity_id AND o.version <= s.version""")
                .execute(Tuple.of(
                        settled.stream().map(Settlement::entityType).toArray(String[]::new),
                        settled.stream().map(Settlement::entityId).toArray(String[]::new),
                        settled.stream().map(Settlement::version).toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /**
     * Inside the transaction that deleted a project (its rows cascade, and the schema recorded an outbox row
     * for each): every entity of the project the cache may still hold, with one tombstone version newer
     * than all of them.
     */
    public Uni<List<OwedEntity>> owedByDeletedProject(SqlClient transaction, String projectId) {
        return transaction.preparedQuery("""
                        WITH tombstone AS (SELECT nextval('row_version_seq') AS version)
                        SELECT DISTINCT o.entity_type, o.entity_id, tombstone.version
                        FROM cache_outbox o, tombstone WHERE o.project_id = $1""")
                .execute(Tuple.of(projectId))
                .map(rows -> Rows.all(rows, row -> new OwedEntity(row.getString("entity_type"), row.getString("entity_id"),
                        row.getLong("version"))));
    }

    /** An entity of a deleted project, and the version its tombstone takes (the same for all of them). */
    public record OwedEntity(String entityType, String entityId, long tombstoneVersion) {
    }

    /** Claims due rows for this relay run; rows claimed by another instance are skipped. */
    Uni<List<OutboxEntry>> claimDue(SqlClient transaction, int limit) {
        return transaction.preparedQuery("""
                        SELECT id, entity_type, entity_id, project_id, attempts FROM cache_outbox
                        WHERE next_attempt_at <= now() AND created_at <= now() - $2 * interval '1 millisecond'
                        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(limit, graceMillis))
                .map(rows -> Rows.all(rows, OutboxEntry::from));
    }

    Uni<Void> deleteAll(SqlClient transaction, List<Long> ids) {
        return transaction.preparedQuery("DELETE FROM cache_outbox WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))).replaceWithVoid();
    }

    Uni<Void> postpone(SqlClient transaction, List<Long> ids, Duration delay, String error) {
        return transaction.preparedQuery("""
                        UPDATE cache_outbox SET attempts = attempts + 1, last_error = $2,
                            next_attempt_at = now() + $3 * interval '1 millisecond'
                        WHERE id = ANY($1)""")
                .execute(Tuple.of(ids.toArray(Long[]::new), error, delay.toMillis()))
                .replaceWithVoid();
    }

    Uni<Long> backlog() {
        return pool.query("SELECT count(*) FROM cache_outbox").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Repairs still owed for one project and when the oldest was recorded, for the sync-status banner. */
    public Uni<ProjectBacklog> backlogOf(String projectId) {
        return pool.preparedQuery("""
                        SELECT count(*) AS pending, min(created_at) AS oldest, max(last_error) AS last_error
                        FROM cache_outbox WHERE project_id = $1""")
                .execute(Tuple.of(projectId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new ProjectBacklog(row.getLong("pending"),
                            Optional.ofNullable(row.getOffsetDateTime("oldest")),
                            Optional.ofNullable(row.getString("last_error")));
                });
    }

    public record ProjectBacklog(long pending, Optional<OffsetDateTime> oldest, Optional<String> lastError) {
    }

    record OutboxEntry(long id, String entityType, String entityId, String projectId, int attempts) {
        static OutboxEntry from(Row row) {
            return new OutboxEntry(row.getLong("id"), row.getString("entity_type"), row.getString("entity_id"),
                    row.getString("project_id"), row.getInteger("attempts"));
        }
    }
}
