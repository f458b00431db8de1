package com.assethatch.project.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Direct access to both tiers, bypassing the service, so tests can check what each one really holds.
 */
@ApplicationScoped
public class Stores {

    private final AgroalDataSource postgres;
    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final String keyPrefix;

    public Stores(AgroalDataSource postgres, RedisDataSource redis, ObjectMapper json,
            @ConfigProperty(name = "asset-hatch.cache.key-prefix") String keyPrefix) {
        this.postgres = postgres;
        this.redis = redis;
        this.json = json;
        this.keyPrefix = keyPrefix;
    }

    /** A cached entity: its version and decoded payload; empty when absent or a tombstone. */
    public record Cached(long version, JsonNode payload) {
    }

    public Optional<Cached> cachedProject(String projectId) {
        return cachedEntity(keyPrefix + ":project:" + projectId);
    }

    public Optional<Cached> cachedEntity(String key) {
        Map<String, String> fields = redis.hash(String.class).hgetall(key);
        if (fields.isEmpty() || fields.get("d") == null || fields.get("d").isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Cached(Long.parseLong(fields.get("v")), json.readTree(fields.get("d"))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> rawHash(String key) {
        return redis.hash(String.class).hgetall(key);
    }

    public String key(String suffix) {
        return keyPrefix + ":" + suffix;
    }

    /** Empties this test run's logical database only; other databases on the machine's Redis stay as they are. */
    public void flushRedis() {
        redis.execute("FLUSHDB");
    }

    public Map<String, Object> projectRow(String projectId) {
        return queryOne("SELECT * FROM project WHERE id = ?", projectId);
    }

    public long outboxRows(String projectId) {
        return ((Number) queryOne("SELECT count(*) AS n FROM cache_outbox WHERE project_id = ?", projectId).get("n"))
                .longValue();
    }

    public void execute(String sql, Object... params) {
        try (Connection connection = postgres.getConnection(); PreparedStatement statement = prepare(connection, sql, params)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first row, or an empty map when there is none. */
    public Map<String, Object> queryOne(String sql, Object... params) {
        return queryAll(sql, params).stream().findFirst().orElseGet(Map::of);
    }

    public java.util.List<Map<String, Object>> queryAll(String sql, Object... params) {
        try (Connection connection = postgres.getConnection();
                PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rows = statement.executeQuery()) {
            java.util.List<Map<String, Object>> result = new java.util.ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
