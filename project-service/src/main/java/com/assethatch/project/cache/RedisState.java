package com.assethatch.project.cache;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether Redis answers; when it does not the service serves from Postgres (docs/consistency.md §4). */
public enum RedisState {
    UP, DOWN;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
