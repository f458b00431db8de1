package com.assethatch.project.projects;

import com.assethatch.project.persistence.ExpectedVersions;
import io.quarkus.arc.ClientProxy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.RowMapper;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Projects in Postgres. Every change is one statement that returns the new row; the schema's triggers
 * give it its version and record its cache outbox row in that statement.
 */
@ApplicationScoped
public class ProjectRepository {

    /** The lock the triggers take before a project's change gets its version (the function is V7's). */
    private static final String LOCK_CHANGE_LOG = "SELECT FROM lock_change_log($1)";

    /** A project row as the record the service works with. */
    private static final RowMapper<Project> PROJECT =
            RowMapper.newInstance((io.vertx.sqlclient.templates.RowMapper<Project>) ProjectRepository::toProject);

    private final Pool pool;
    /** The same pool without its CDI client proxy: SqlTemplate casts the client to Vert.x's internal type. */
    private final Pool templatePool;

    public ProjectRepository(Pool pool) {
        this.pool = pool;
        this.templatePool = Pool.newInstance((io.vertx.sqlclient.Pool) ClientProxy.unwrap(pool.getDelegate()));
    }

    /** Empty when a project with this id already exists. */
    public Uni<Optional<Project>> insert(String id, String name, Phase phase, Mode mode, String ownerId) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        values.put("name", name);
        values.put("phase", phase.value());
        values.put("mode", mode.value());
        values.put("ownerId", ownerId);
        return firstOf(SqlTemplate.forQuery(templatePool, """
                        INSERT INTO project (id, name, phase, mode, owner_id) VALUES (#{id}, #{name}, #{phase}, #{mode}, #{ownerId})
                        ON CONFLICT (id) DO NOTHING RETURNING *"""), values);
    }

    /** Any owner's project: the cache reads through this and checks the owner on what it holds (ProjectService). */
    public Uni<Optional<Project>> findById(String id) {
        return firstOf(SqlTemplate.forQuery(templatePool, "SELECT * FROM project WHERE id = #{id}"), Map.of("id", id));
    }

    /** The owner's projects, most recently updated first (index project_owner_updated_idx). */
    public Uni<List<Project>> findRecent(String ownerId, int limit) {
        return SqlTemplate.forQuery(templatePool, """
                        SELECT * FROM project WHERE owner_id = #{ownerId}
                        ORDER BY updated_at DESC, id LIMIT #{limit}""")
                .mapTo(PROJECT).execute(Map.of("ownerId", ownerId, "limit", limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).toList());
    }

    /** Sets the given columns; empty when the owner has no such project. */
    public Uni<Optional<Project>> update(String ownerId, String id, Optional<String> name, Optional<Phase> phase) {
        Map<String, Object> columns = new LinkedHashMap<>();
        name.ifPresent(value -> columns.put("name", value));
        phase.ifPresent(value -> columns.put("phase", value.value()));
        return set(ownerId, id, columns, ExpectedVersions.ANY);
    }

    /**
     * Sets the given qualities (null clears one), only if the version is still one of {@code expectedVersions}.
     * Empty when the project does not exist or the version moved on.
     */
    public Uni<Optional<Project>> updateQualities(String ownerId, String id, Map<QualityKey, String> changes,
            ExpectedVersions expectedVersions) {
        Map<String, Object> columns = new LinkedHashMap<>();
        changes.forEach((key, value) -> columns.put(key.column(), value));
        return set(ownerId, id, columns, expectedVersions);
    }

    /** The version of the owner's project; empty when the owner has no such project. */
    public Uni<OptionalLong> currentVersion(String ownerId, String id) {
        return pool.preparedQuery("SELECT version FROM project WHERE id = $1 AND owner_id = $2")
                .execute(Tuple.of(id, ownerId))
                .map(rows -> rows.size() == 0 ? OptionalLong.empty() : OptionalLong.of(rows.iterator().next().getLong(0)));
    }

    /**
     * Deletes the owner's project (its memory files, assets and anchor cascade); false when the owner has no such
     * project.
     */
    public Uni<Boolean> delete(SqlClient transaction, String ownerId, String id) {
        // The change log's per-project lock (V5) first, as every write to the project's rows takes it before their
        // row locks: a DELETE takes the project row's lock before its trigger asks for the advisory lock, so a
        // child written meanwhile (advisory lock, then a key-share lock on the project row) would deadlock with it.
        return transaction.preparedQuery(LOCK_CHANGE_LOG).execute(Tuple.of(id))
                .flatMap(locked -> transaction.preparedQuery("DELETE FROM project WHERE id = $1 AND owner_id = $2")
                        .execute(Tuple.of(id, ownerId)))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * {@code UPDATE project SET <column> = #{<column>}, ... WHERE id = #{id} AND owner_id = #{ownerId}
     * [AND version = ANY(#{expectedVersions})]}.
     */
    private Uni<Optional<Project>> set(String ownerId, String id, Map<String, Object> columns,
            ExpectedVersions expectedVersions) {
        String assignments = columns.keySet().stream().map(column -> column + " = #{" + column + "}")
                .collect(Collectors.joining(", "));
        Map<String, Object> parameters = new HashMap<>(columns);
        parameters.put("id", id);
        parameters.put("ownerId", ownerId);
        String condition = "id = #{id} AND owner_id = #{ownerId}";
        if (!expectedVersions.isAny()) {
            parameters.put("expectedVersions", expectedVersions.asArray());
            condition += " AND version = ANY(#{expectedVersions})";
        }
        return firstOf(SqlTemplate.forQuery(templatePool, "UPDATE project SET " + assignments + " WHERE " + condition
                + " RETURNING *"), parameters);
    }

    private static Uni<Optional<Project>> firstOf(SqlTemplate<Map<String, Object>, RowSet<Row>> query,
            Map<String, Object> parameters) {
        return query.mapTo(PROJECT).execute(parameters)
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
    }

    static Project toProject(io.vertx.sqlclient.Row row) {
        Qualities qualities = new Qualities(
                row.getString("art_style"), row.getString("base_resolution"), row.getString("perspective"),
                row.getString("game_genre"), row.getString("theme"), row.getString("mood"),
                row.getString("color_palette"));
        return new Project(row.getString("id"), row.getString("name"), Phase.of(row.getString("phase")),
                Mode.of(row.getString("mode")), row.getString("owner_id"), qualities, row.getLong("version"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
