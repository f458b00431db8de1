package com.assethatch.project.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the pool that serves requests (the reactive one) can run a query. Quarkus's own datasource checks are
 * off: they also probe the JDBC pool that only runs migrations at start, whose idle connections die with a Postgres
 * restart and kept readiness DOWN long after requests were served again. The reactive pool drops connections the
 * server closed, so this check is UP as soon as Postgres accepts connections again.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements AsyncHealthCheck {

    private static final String NAME = "database";

    private final Pool pool;
    private final HealthConfig config;

    public DatabaseHealthCheck(Pool pool, HealthConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(config.databaseTimeout()).fail()
                .map(rows -> HealthCheckResponse.named(NAME).up().build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", String.valueOf(failure.getMessage()))
                        .build());
    }
}
