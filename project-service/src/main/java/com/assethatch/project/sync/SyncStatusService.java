package com.assethatch.project.sync;

import com.assethatch.project.cache.CacheOutbox;
import com.assethatch.project.cache.OutboxSettler;
import com.assethatch.project.cache.RedisState;
import com.assethatch.project.cache.VersionedCache;
import com.assethatch.project.persistence.Rows;
import com.assethatch.project.projects.ProjectService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

@ApplicationScoped
public class SyncStatusService {

    private static final String LAST_WRITE_SQL = """
            SELECT greatest(p.updated_at,
                            (SELECT max(updated_at) FROM memory_file WHERE project_id = p.id),
                            (SELECT max(updated_at) FROM generated_asset WHERE project_id = p.id),
                            (SELECT updated_at FROM style_anchor WHERE project_id = p.id)) AS last_write_at,
                   greatest(p.version,
                            (SELECT max(version) FROM memory_file WHERE project_id = p.id),
                            (SELECT max(version) FROM generated_asset WHERE project_id = p.id),
                            (SELECT version FROM style_anchor WHERE project_id = p.id)) AS latest_version
            FROM project p WHERE p.id = $1""";

    private final ProjectService projects;
    private final CacheOutbox outbox;
    private final OutboxSettler settler;
    private final VersionedCache cache;
    private final Pool pool;

    public SyncStatusService(ProjectService projects, CacheOutbox outbox, OutboxSettler settler, VersionedCache cache,
            Pool pool) {
        this.projects = projects;
        this.outbox = outbox;
        this.settler = settler;
        this.cache = cache;
        this.pool = pool;
    }

    /** The owner's project's status; the project lookup is the owner check, the queries after it are per project. */
    public Uni<SyncStatus> statusOf(String ownerId, String projectId) {
        return projects.get(ownerId, projectId).flatMap(project -> Uni.combine().all()
                .unis(pendingRepairs(projectId), cache.state(), lastWrite(projectId))
                .with((backlog, redis, lastWrite) -> new SyncStatus(projectId,
                        redis == RedisState.DOWN ? SyncState.DEGRADED
                                : backlog.pending() > 0 ? SyncState.REPAIRING : SyncState.IN_SYNC,
                        redis, backlog.pending(), backlog.oldest().orElse(null),
                        backlog.lastError().orElse(null), lastWrite.at(), project.version(),
                        Math.max(project.version(), lastWrite.version()))));
    }

    /**
     * Outbox rows of the project once this instance's queued settlements are written: a change whose Redis copy
     * landed is not a pending repair (another instance's settlement may still be on its way, for milliseconds).
     */
    private Uni<CacheOutbox.ProjectBacklog> pendingRepairs(String projectId) {
        return settler.drained().flatMap(ignored -> outbox.backlogOf(projectId));
    }

    private Uni<LastWrite> lastWrite(String projectId) {
        return pool.preparedQuery(LAST_WRITE_SQL).execute(Tuple.of(projectId))
                .map(rows -> Rows.first(rows, row -> new LastWrite(row.getOffsetDateTime("last_write_at"),
                        row.getLong("latest_version"))).orElse(new LastWrite(null, 0)));
    }

    private record LastWrite(OffsetDateTime at, long version) {
    }
}
