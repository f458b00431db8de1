package com.assethatch.project.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** What the tests' database holds, read and written with plain JDBC, as an operator with psql would. */
final class Rows {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/asset_hatch_test";

    private Rows() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "asset_hatch", "asset_hatch");
    }

    /** The first row of {@code sql} as column → value (bytea as byte[]); empty map when there is none. */
    static Map<String, Object> first(String sql, Object... arguments) throws SQLException {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                query.setObject(i + 1, arguments[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                Map<String, Object> values = new HashMap<>();
                if (row.next()) {
                    for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
                        values.put(row.getMetaData().getColumnLabel(c), row.getObject(c));
                    }
                }
                return values;
            }
        }
    }

    static int update(String sql, Object... arguments) throws SQLException {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            return statement.executeUpdate();
        }
    }
}
