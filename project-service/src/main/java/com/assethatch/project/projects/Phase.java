package com.assethatch.project.projects;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a project is in the plan → style → generation → export flow. */
public enum Phase {
    PLANNING, STYLE, GENERATION, EXPORT;

    /** For {@code @OneOf}: the allowed values are filled in from the constants. */
    public static final String ONE_OF = "phase must be one of: {values}";

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Phase of(String value) {
        return Arrays.stream(values()).filter(phase -> phase.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown phase: " + value));
    }
}
