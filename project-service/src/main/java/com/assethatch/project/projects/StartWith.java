package com.assethatch.project.projects;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the original app's newest version opens a new project: its asset flow or its game studio. Accepted so
 * that client's create call works unchanged; this backend has no game studio, so both start the asset flow.
 */
@Schema(name = "ProjectStartWith", description = "Accepted for compatibility; both values start the asset flow "
        + "(planning phase) here, and no game is created.")
public enum StartWith {
    ASSETS, GAME;

    /** For {@code @OneOf}: the allowed values are filled in from the constants. */
    public static final String ONE_OF = "startWith must be one of: {values}";

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
