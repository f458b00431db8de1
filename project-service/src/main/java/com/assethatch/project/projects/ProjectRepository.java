package com.assethatch.project.projects;

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
 * Projects in Postgres. Every change is one statement that returns the new row; the schema's triggers
 * give it its version and record its cache outbox row in that statement.
 */
@ApplicationScoped
public class ProjectRepository {


    private final Pool pool;

    public ProjectRepository(Pool pool) {
        this.pool = pool;
    }

    /** Empty when a project with this id already exists. */
    public Uni<Optional<Project>> insert(String id, String name, Phase phase, String ownerId) {
        return pool.preparedQuery("""
                        INSERT INTO project (id, name, phase, owner_id) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (id) DO NOTHING RETURNING *""")
                .execute(Tuple.of(id, name, phase.value(), ownerId))
                .map(rows -> Rows.first(rows, ProjectRepository::toProject));
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
    public Uni<Optional<Project>> update(String id, Optional<String> name, Optional<Phase> phase) {
        List<Object> values = new ArrayList<>(List.of(id));
        StringJoiner assignments = new StringJoiner(", ");
        name.ifPresent(value -> assignments.add(assign("name", values, value)));
        phase.ifPresent(value -> assignments.add(assign("phase", values, value.value())));
        return pool.preparedQuery("UPDATE project SET " + assignments + " WHERE id = $1 RETURNING *")
                .execute(Tuple.from(values)).map(rows -> Rows.first(rows, ProjectRepository::toProject));
    }

    /**
     * Sets the given qualities (null clears one), only if the version still equals {@code expectedVersion}
     * when one is given. Empty when the project does not exist or the version moved on.
     */
    public Uni<Optional<Project>> updateQualities(String id, Map<QualityKey, String> changes,
            OptionalLong expectedVersion) {
        List<Object> values = new ArrayList<>(List.of(id));
        StringJoiner assignments = new StringJoiner(", ");
        changes.forEach((key, value) -> assignments.add(assign(key.column(), values, value)));
        String condition = "id = $1";
        if (expectedVersion.isPresent()) {
            values.add(expectedVersion.getAsLong());
            condition += " AND version = $" + values.size();
        }
        return pool.preparedQuery("UPDATE project SET " + assignments + " WHERE " + condition + " RETURNING *")
                .execute(Tuple.from(values)).map(rows -> Rows.first(rows, ProjectRepository::toProject));
    }

    public Uni<OptionalLong> currentVersion(String id) {
        return pool.preparedQuery("SELECT version FROM project WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? OptionalLong.empty() : OptionalLong.of(rows.iterator().next().getLong(0)));
    }

    /** Deletes the project (its memory files, assets and anchor cascade); false when there was no such project. */
    public Uni<Boolean> delete(SqlClient transaction, String id) {
        return transaction.preparedQuery("DELETE FROM project WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    private static String assign(String column, List<Object> values, Object value) {
        values.add(value);
        return column + " = $" + values.size();
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
