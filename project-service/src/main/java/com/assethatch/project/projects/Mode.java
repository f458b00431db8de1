package com.assethatch.project.projects;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What kind of game the assets are for, as the original app's newest version asks when a project is created. */
@Schema(name = "ProjectMode", description = "2D assets, 3D assets or both.")
public enum Mode {
    TWO_D("2d"), THREE_D("3d"), HYBRID("hybrid");

    /** For {@code @OneOf}: the allowed values are filled in from the constants. */
    public static final String ONE_OF = "mode must be one of: {values}";

    private final String value;

    Mode(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Mode of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown mode: " + value));
    }
}
