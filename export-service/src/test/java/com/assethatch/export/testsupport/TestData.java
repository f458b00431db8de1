package com.assethatch.export.testsupport;

import com.assethatch.common.auth.testing.TestUsers;
import com.assethatch.common.hash.Sha256;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Inserts test rows as the owner role (plain JDBC), each test with its own project ids. */
public final class TestData {

    private static final Instant BASE_TIME = Instant.parse("2025-12-29T10:00:00.123456Z");

    private TestData() {
    }

    /** A fresh project id that no other test uses. */
    public static String projectId(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A project of {@link TestUsers#DEFAULT_USER}, the user every test request acts as unless it says otherwise. */
    public static void project(String id, String name, Map<String, String> qualities) {
        project(TestUsers.DEFAULT_USER, id, name, qualities);
    }

    public static void project(String ownerId, String id, String name, Map<String, String> qualities) {
        StringBuilder columns = new StringBuilder("id, name, created_at, owner_id");
        StringBuilder values = new StringBuilder("?, ?, ?, ?");
        qualities.keySet().forEach(column -> {
            columns.append(", ").append(requireColumn(column));
            values.append(", ?");
        });
        update("INSERT INTO project (" + columns + ") VALUES (" + values + ")", statement -> {
            statement.setString(1, id);
            statement.setString(2, name);
            statement.setTimestamp(3, Timestamp.from(BASE_TIME));
            statement.setString(4, ownerId);
            int i = 5;
            for (String value : qualities.values()) {
                statement.setString(i++, value);
            }
        });
    }

    /** A project of the default test user with a fixed id, for tests that only need it to exist (made once). */
    public static void ownedProject(String id) {
        update("INSERT INTO project (id, name, owner_id) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING", statement -> {
            statement.setString(1, id);
            statement.setString(2, id);
            statement.setString(3, TestUsers.DEFAULT_USER);
        });
    }

    public static void plan(String projectId, String markdown) {
        update("INSERT INTO memory_file (id, project_id, type, content) VALUES (?, ?, 'entities.json', ?)", s -> {
            s.setString(1, projectId + "-plan");
            s.setString(2, projectId);
            s.setString(3, markdown);
        });
    }

    public static void memoryFile(String projectId, String type, String content) {
        update("INSERT INTO memory_file (id, project_id, type, content) VALUES (?, ?, ?, ?)", s -> {
            s.setString(1, projectId + "-" + type);
            s.setString(2, projectId);
            s.setString(3, type);
            s.setString(4, content);
        });
    }

    /** An approved PNG whose size columns are filled. */
    public static byte[] approved(String rowId, String projectId, String assetId, int minutesAfterStart, long seed) {
        return image(rowId, projectId, assetId, TestImages.png(8, 6, seed)).size(8, 6).minute(minutesAfterStart)
                .insert();
    }

    /**
     * A generated-asset row to insert: an approved PNG without size columns, created at the base time, unless
     * told otherwise.
     */
    public static ImageRow image(String id, String projectId, String assetId, byte[] image) {
        return new ImageRow(id, projectId, assetId, image);
    }

    public static final class ImageRow {

        private final String id;
        private final String projectId;
        private final String assetId;
        private final byte[] image;
        private String status = "approved";
        private String mediaType = "image/png";
        private Integer width;
        private Integer height;
        private int minutesAfterStart;
        private long seed;
        private String prompt;
        private String metadataJson = "{}";

        private ImageRow(String id, String projectId, String assetId, byte[] image) {
            this.id = id;
            this.projectId = projectId;
            this.assetId = assetId;
            this.image = image;
        }

        public ImageRow status(String value) {
            status = value;
            return this;
        }

        public ImageRow mediaType(String value) {
            mediaType = value;
            return this;
        }

        /** Fills the width and height columns. */
        public ImageRow size(int w, int h) {
            width = w;
            height = h;
            return this;
        }

        public ImageRow minute(int minutes) {
            minutesAfterStart = minutes;
            return this;
        }

        public ImageRow seed(long value) {
            seed = value;
            return this;
        }

        public ImageRow prompt(String value) {
            prompt = value;
            return this;
        }

        public ImageRow metadata(String json) {
            metadataJson = json;
            return this;
        }

        /** @return the image bytes */
        public byte[] insert() {
            update("""
                    INSERT INTO generated_asset (id, project_id, asset_id, variant_id, status, seed, prompt_used, metadata,
                        image, media_type, byte_size, sha256, width, height, created_at, updated_at)
                    VALUES (?, ?, ?, NULL, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""", s -> {
                s.setString(1, id);
                s.setString(2, projectId);
                s.setString(3, assetId);
                s.setString(4, status);
                s.setLong(5, seed);
                s.setString(6, prompt);
                s.setString(7, metadataJson);
                s.setBytes(8, image);
                s.setString(9, mediaType);
                s.setInt(10, image.length);
                s.setString(11, sha256(image));
                setInteger(s, 12, width);
                setInteger(s, 13, height);
                Timestamp created = Timestamp.from(BASE_TIME.plusSeconds(60L * minutesAfterStart));
                s.setTimestamp(14, created);
                s.setTimestamp(15, created);
            });
            return image;
        }
    }

    public static void anchor(String projectId, byte[] image, String mediaType) {
        update("""
                INSERT INTO style_anchor (project_id, image, media_type, byte_size, sha256, style_keywords)
                VALUES (?, ?, ?, ?, ?, 'warm, cosy')""", s -> {
            s.setString(1, projectId);
            s.setBytes(2, image);
            s.setString(3, mediaType);
            s.setInt(4, image.length);
            s.setString(5, sha256(image));
        });
    }

    public static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /** Connects as the owner role. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(ExportDatabase.JDBC_URL, ExportDatabase.OWNER, ExportDatabase.OWNER_PASSWORD);
    }

    /** Connects as the export role: it sees the state of its own sessions in pg_stat_activity. */
    public static Connection connectAsExportRole() throws SQLException {
        return DriverManager.getConnection(ExportDatabase.JDBC_URL, ExportDatabase.EXPORT_ROLE,
                ExportDatabase.EXPORT_PASSWORD);
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static void update(String sql, Binder binder) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static String requireColumn(String column) {
        if (!column.matches("mode|art_style|base_resolution|perspective|game_genre|theme|mood|color_palette")) {
            throw new IllegalArgumentException(column);
        }
        return column;
    }
}
