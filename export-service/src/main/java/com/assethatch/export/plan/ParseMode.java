package com.assethatch.export.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a multi-direction variant becomes assets: one sprite sheet, or one asset per direction. */
public enum ParseMode {
    COMPOSITE,
    GRANULAR;

    /** The query values, for error messages and the API documentation. */
    public static final String ALLOWED_VALUES = "composite, granular";

    /** The lower-case value used in query strings and JSON. */
    @JsonValue
    public String queryValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a query value case-insensitively; absent or blank means the default, {@link #COMPOSITE}. */
    public static Optional<ParseMode> fromQueryValue(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(COMPOSITE);
        }
        String wanted = value.strip();
        return Arrays.stream(values()).filter(mode -> mode.queryValue().equalsIgnoreCase(wanted)).findFirst();
    }
}
