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
 * The cache outbox: one row per committed change whose cache update is still owed. Writers record
 * it in the very statement that changes the row (see {@link #recording}), so a change can never be
 * committed without its repair.
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
     * Wraps a data-changing statement ({@code INSERT/UPDATE/DELETE ... RETURNING *}) so that the same
     * statement, hence the same transaction, also records an outbox row per changed row. The result
     * has the changed row's columns plus {@code outbox_id}.
     */
    public String recording(String entityType, String entityIdColumn, String projectIdColumn,
            String changeReturningAll) {
        return recording(entityType, entityIdColumn, projectIdColumn, changeReturningAll, "changed.*");
    }

    /** As {@link #recording(String, String, String, String)}, returning {@code resultColumns} (of {@code changed}). */
    public String recording(String entityType, String entityIdColumn, String projectIdColumn,
            String changeReturningAll, String resultColumns) {
        return """
                WITH changed AS (%1$s),
                outbox AS (
                    INSERT INTO cache_outbox (entity_type, entity_id, project_id, next_attempt_at)
                    SELECT '%2$s', %3$s, %4$s, now() + interval '%5$d milliseconds' FROM changed
                    RETURNING id, entity_id
                )
                SELECT %6$s, outbox.id AS outbox_id
                FROM changed JOIN outbox ON outbox.entity_id = changed.%3$s
                """.formatted(changeReturningAll, entityType, entityIdColumn, projectIdColumn, graceMillis,
                resultColumns);
    }

    public Uni<Void> delete(long outboxId) {
        return pool.preparedQuery("DELETE FROM cache_outbox WHERE id = $1")
                .execute(Tuple.of(outboxId)).replaceWithVoid();
    }

    /** Claims due rows for this relay run; rows claimed by another instance are skipped. */
    Uni<List<OutboxEntry>> claimDue(SqlClient transaction, int limit) {
        return transaction.preparedQuery("""
                        SELECT id, entity_type, entity_id, project_id, attempts FROM cache_outbox
                        WHERE next_attempt_at <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(limit))
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
