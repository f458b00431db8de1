package com.assethatch.project.memoryfiles;

import com.assethatch.project.persistence.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MemoryFileRepository {


    private final Pool pool;
    private final String upsertSql;

    public MemoryFileRepository(Pool pool) {
        this.pool = pool;
        // Upsert on (project, type); an identical save changes nothing (no new version, no event), and a
        // project the caller does not own (or a missing one) inserts nothing: both return no row, and the service
        // tells them apart. The conflict target is the primary key, which is made from (project, type): only the
        // target of ON CONFLICT is checked speculatively, so two concurrent first saves racing on any other unique
        // index would fail with 23505.
        this.upsertSql = """
                INSERT INTO memory_file (id, project_id, type, content)
                SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM project WHERE id = $2 AND owner_id = $5)
                ON CONFLICT (id) DO UPDATE
                    SET content = EXCLUDED.content
                    WHERE memory_file.content IS DISTINCT FROM EXCLUDED.content
                RETURNING *""";
    }

    /** Empty when nothing changed: the owner has no such project or the content was already this. */
    public Uni<Optional<MemoryFile>> upsert(String ownerId, String projectId, String type, String content) {
        return pool.preparedQuery(upsertSql)
                .execute(Tuple.of(MemoryFile.idOf(projectId, type), projectId, type, content, ownerId))
                .map(rows -> Rows.first(rows, MemoryFileRepository::toMemoryFile));
    }

    /** The owner's file; empty when the owner has no such project or it has no file of this type. */
    public Uni<Optional<MemoryFile>> find(String ownerId, String projectId, String type) {
        return pool.preparedQuery("""
                        SELECT f.* FROM memory_file f JOIN project p ON p.id = f.project_id
                        WHERE f.project_id = $1 AND f.type = $2 AND p.owner_id = $3""")
                .execute(Tuple.of(projectId, type, ownerId))
                .map(rows -> Rows.first(rows, MemoryFileRepository::toMemoryFile));
    }

    public Uni<Optional<MemoryFile>> findById(String id) {
        return pool.preparedQuery("SELECT * FROM memory_file WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, MemoryFileRepository::toMemoryFile));
    }

    /** Newest first, as the original returned them. */
    public Uni<List<MemoryFile>> findAllOf(String projectId) {
        return pool.preparedQuery("SELECT * FROM memory_file WHERE project_id = $1 ORDER BY created_at DESC, type")
                .execute(Tuple.of(projectId))
                .map(rows -> Rows.all(rows, MemoryFileRepository::toMemoryFile));
    }

    private static MemoryFile toMemoryFile(Row row) {
        return new MemoryFile(row.getString("id"), row.getString("project_id"), MemoryFileType.of(row.getString("type")),
                row.getString("content"), row.getLong("version"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
