package com.assethatch.project.projects;

import com.assethatch.project.cache.CacheOutbox;
import com.assethatch.project.cache.Committed;
import com.assethatch.project.persistence.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * Projects in Postgres. Every change is one statement that bumps the version from the shared
 * sequence, records the cache outbox row and returns the new row: no lost updates, no second round trip.
 */
@ApplicationScoped
public class ProjectRepository {

    static final String ENTITY_TYPE = "project";
    private static final String BUMP_VERSION = "version = nextval('row_version_seq'), updated_at = now()";

    private final Pool pool;
    private final CacheOutbox outbox;

    public ProjectRepository(Pool pool, CacheOutbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /** Empty when a project with this id already exists. */
    public Uni<Optional<Committed<Project>>> insert(String id, String name, Phase phase, String ownerId) {
        String sql = outbox.recording(ENTITY_TYPE, "id", "id", """
                INSERT INTO project (id, name, phase, owner_id) VALUES ($1, $2, $3, $4)
                ON CONFLICT (id) DO NOTHING RETURNING *""");
        return pool.preparedQuery(sql).execute(Tuple.of(id, name, phase.value(), ownerId))
                .map(rows -> Rows.first(rows, ProjectRepository::committed));
    }

    public Uni<Optional<Project>> findById(String id) {
        return pool.preparedQuery("SELECT * FROM project WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, ProjectRepository::toProject));
    }

    public Uni<List<Project>> findRecent(int limit) {
        return pool.preparedQuery("SELECT * FROM project ORDER BY updated_at DESC, id LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> Rows.all(rows, ProjectRepository::toProject));
    }

    /** Sets the given columns; empty when the project does not exist. */
    public Uni<Optional<Committed<Project>>> update(String id, Optional<String> name, Optional<Phase> phase) {
        List<Object> values = new ArrayList<>(List.of(id));
        StringJoiner assignments = new StringJoiner(", ");
        name.ifPresent(value -> assignments.add(assign("name", values, value)));
        phase.ifPresent(value -> assignments.add(assign("phase", values, value.value())));
        assignments.add(BUMP_VERSION);
        String sql = outbox.recording(ENTITY_TYPE, "id", "id",
                "UPDATE project SET " + assignments + " WHERE id = $1 RETURNING *");
        return pool.preparedQuery(sql).execute(Tuple.from(values)).map(rows -> Rows.first(rows, ProjectRepository::committed));
    }

    /**
     * Sets the given qualities (null clears one), only if the version still equals {@code expectedVersion}
     * when one is given. Empty when the project does not exist or the version moved on.
     */
    public Uni<Optional<Committed<Project>>> updateQualities(String id, Map<QualityKey, String> changes,
            OptionalLong expectedVersion) {
        List<Object> values = new ArrayList<>(List.of(id));
        StringJoiner assignments = new StringJoiner(", ");
        changes.forEach((key, value) -> assignments.add(assign(key.column(), values, value)));
        assignments.add(BUMP_VERSION);
        String condition = "id = $1";
        if (expectedVersion.isPresent()) {
            values.add(expectedVersion.getAsLong());
            condition += " AND version = $" + values.size();
        }
        String sql = outbox.recording(ENTITY_TYPE, "id", "id",
                "UPDATE project SET " + assignments + " WHERE " + condition + " RETURNING *");
        return pool.preparedQuery(sql).execute(Tuple.from(values)).map(rows -> Rows.first(rows, ProjectRepository::committed));
    }

    public Uni<OptionalLong> currentVersion(String id) {
        return pool.preparedQuery("SELECT version FROM project WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? OptionalLong.empty() : OptionalLong.of(rows.iterator().next().getLong(0)));
    }

    /**
     * Deletes the project (children cascade) and returns the outbox row plus a fresh version for the
     * tombstones; empty when there was no such project.
     */
    public Uni<Optional<Deleted>> delete(SqlClient transaction, String id) {
        String sql = outbox.recording(ENTITY_TYPE, "id", "id", "DELETE FROM project WHERE id = $1 RETURNING *",
                "changed.id, nextval('row_version_seq') AS tombstone_version");
        return transaction.preparedQuery(sql).execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, row -> new Deleted(row.getLong("outbox_id"), row.getLong("tombstone_version"))));
    }

    public record Deleted(long outboxId, long tombstoneVersion) {
    }

    private static String assign(String column, List<Object> values, Object value) {
        values.add(value);
        return column + " = $" + values.size();
    }


    private static Committed<Project> committed(Row row) {
        return new Committed<>(toProject(row), row.getLong("outbox_id"));
    }

    static Project toProject(Row row) {
        Qualities qualities = new Qualities(
                row.getString("art_style"), row.getString("base_resolution"), row.getString("perspective"),
                row.getString("game_genre"), row.getString("theme"), row.getString("mood"),
                row.getString("color_palette"));
        return new Project(row.getString("id"), row.getString("name"), Phase.of(row.getString("phase")),
                row.getString("owner_id"), qualities, row.getLong("version"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
