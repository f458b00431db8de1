package com.assethatch.project.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** The shared version sequence: every committed change takes its row version from it. */
@ApplicationScoped
public class RowVersions {

    private final Pool pool;

    public RowVersions(Pool pool) {
        this.pool = pool;
    }

    /** A version higher than any committed so far, e.g. for the tombstone of a row that is gone. */
    public Uni<Long> next() {
        return pool.query("SELECT nextval('row_version_seq')").execute().map(rows -> rows.iterator().next().getLong(0));
    }
}
