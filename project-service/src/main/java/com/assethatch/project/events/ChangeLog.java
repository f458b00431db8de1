package com.assethatch.project.events;

import com.assethatch.project.persistence.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * The committed changes of every project, as the schema's triggers record them (migration V5): read after a cursor
 * by live streams, pruned after the retention window.
 */
@ApplicationScoped
public class ChangeLog {

    private final Pool pool;

    public ChangeLog(Pool pool) {
        this.pool = pool;
    }

    /**
     * Up to {@code limit} changes of the project after version {@code cursor}, oldest first: one range scan of the
     * primary key. Versions of a project are committed in order (V5), so nothing older can still appear later.
     */
    public Uni<Page> after(String readerId, String projectId, long cursor, int limit) {
        return pool.preparedQuery("""
                        SELECT c.project_id, c.version, c.kind, c.entity_id, c.deleted,
                               (p.owner_id IS NOT DISTINCT FROM $4) AS owned_by_reader
                        FROM change_log c LEFT JOIN project p ON p.id = c.project_id
                        WHERE c.project_id = $1 AND c.version > $2 ORDER BY c.version LIMIT $3""")
                .execute(Tuple.of(projectId, cursor, limit, readerId))
                .map(rows -> new Page(Rows.all(rows, ChangeLog::toChange),
                        rows.size() == 0 || rows.iterator().next().getBoolean("owned_by_reader")));
    }

    /**
     * Changes read after a cursor, and whether the project is (still) the reader's now: when it was deleted and
     * re-created by someone else, the rows its changes point at are no longer the reader's to see.
     */
    public record Page(List<LoggedChange> changes, boolean projectOwnedByReader) {
    }

    /** Where a stream that starts now picks up: the project's latest logged change, or the horizon if it has none. */
    public Uni<Long> latest(String projectId) {
        return pool.preparedQuery("""
                        SELECT greatest((SELECT max(version) FROM change_log WHERE project_id = $1),
                                        (SELECT pruned_through FROM change_log_horizon))""")
                .execute(Tuple.of(projectId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Whether the log still holds every change after {@code version}: false when it is older than the horizon or newer than any issued. */
    public Uni<Boolean> canResumeAfter(long version) {
        return pool.preparedQuery("""
                        SELECT $1 >= (SELECT pruned_through FROM change_log_horizon)
                           AND $1 <= (SELECT last_value FROM row_version_seq)""")
                .execute(Tuple.of(version))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Deletes the changes logged longer ago than {@code retention} and moves the horizon past them; their count. */
    public Uni<Integer> prune(Duration retention) {
        return pool.withTransaction(transaction -> transaction.preparedQuery("""
                        WITH pruned AS (
                            DELETE FROM change_log WHERE logged_at < now() - make_interval(secs => $1)
                            RETURNING version)
                        UPDATE change_log_horizon
                        SET pruned_through = greatest(pruned_through, (SELECT max(version) FROM pruned))
                        RETURNING (SELECT count(*) FROM pruned)""")
                .execute(Tuple.of(retention.toMillis() / 1000.0))
                .map(rows -> rows.iterator().next().getInteger(0)));
    }

    private static LoggedChange toChange(Row row) {
        return new LoggedChange(row.getString("project_id"), row.getLong("version"),
                ChangeType.ofEventName(row.getString("kind")), row.getString("entity_id"), row.getBoolean("deleted"));
    }
}
