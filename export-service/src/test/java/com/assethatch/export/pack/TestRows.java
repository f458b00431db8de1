package com.assethatch.export.pack;

import com.assethatch.export.pack.ExportRows.ApprovedImage;
import com.assethatch.export.pack.ExportRows.ProjectRow;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Rows for the pure export tests: each test names only the columns it is about. */
final class TestRows {

    static final OffsetDateTime T0 = OffsetDateTime.of(2025, 12, 29, 10, 0, 0, 0, ZoneOffset.ofHours(2));

    private TestRows() {
    }

    /** Project {@code p} named "Project", created at {@link #T0}, no qualities set. */
    static Project project() {
        return new Project();
    }

    /** An approved 1×1 PNG of 3 bytes for {@code assetId}, created at {@link #T0}, with empty metadata. */
    static Image image(String id, String assetId) {
        return new Image(id, assetId);
    }

    static final class Project {
        private String artStyle;
        private String baseResolution;

        Project artStyle(String value) {
            artStyle = value;
            return this;
        }

        Project baseResolution(String value) {
            baseResolution = value;
            return this;
        }

        ProjectRow row() {
            return new ProjectRow("p", "Project", "2d", T0, artStyle, baseResolution, null, null, null, null, null);
        }
    }

    static final class Image {
        private final String id;
        private final String assetId;
        private String mediaType = "image/png";
        private Integer width = 1;
        private Integer height = 1;
        private String metadataJson = "{}";
        private long seed;
        private String prompt;
        private OffsetDateTime createdAt = T0;

        private Image(String id, String assetId) {
            this.id = id;
            this.assetId = assetId;
        }

        Image mediaType(String value) {
            mediaType = value;
            return this;
        }

        /** The size columns; null leaves one empty. */
        Image size(Integer w, Integer h) {
            width = w;
            height = h;
            return this;
        }

        Image minute(int minutesAfterT0) {
            createdAt = T0.plusMinutes(minutesAfterT0);
            return this;
        }

        Image metadata(String json) {
            metadataJson = json;
            return this;
        }

        Image seed(long value) {
            seed = value;
            return this;
        }

        Image prompt(String value) {
            prompt = value;
            return this;
        }

        ApprovedImage row() {
            return new ApprovedImage(id, assetId, mediaType, 3, "sha-" + id, width, height, metadataJson, seed, prompt,
                    createdAt);
        }
    }
}
