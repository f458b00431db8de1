package com.assethatch.project.floors;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Benchmark-only endpoints, never part of the service: scripts/bench-floors copies this class into a throwaway build
 * of project-service to measure what a GET costs before any of the service's own work. Each answers the same small
 * JSON body; they differ only in what the request goes through first.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class FloorsResource {

    private static final String BODY = "{\"artStyle\":\"pixel art\",\"perspective\":\"side view\",\"version\":3}";

    private final ReactiveRedisDataSource redis;

    public FloorsResource(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Quarkus REST alone: outside /api, so no credential is checked. */
    @GET
    @Path("floors/rest")
    public String rest() {
        return BODY;
    }

    /** Plus the /api permission policy: the request's Bearer token is verified. */
    @GET
    @Path("api/floors/authenticated")
    public String authenticated() {
        return BODY;
    }

    /** Plus one Redis round trip, the least a cache hit needs. */
    @GET
    @Path("api/floors/authenticated-redis")
    public Uni<String> authenticatedRedis() {
        return redis.execute("PING").map(pong -> BODY);
    }
}
