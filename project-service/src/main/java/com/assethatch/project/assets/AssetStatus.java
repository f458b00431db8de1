package com.assethatch.project.assets;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The review states of a generated image; the JSON values are the one list (OpenAPI and validation derive it). */
public enum AssetStatus {
    GENERATED, APPROVED, REJECTED;

    /** For {@code @OneOf}: the allowed values are filled in from the constants. */
    public static final String ONE_OF = "status must be one of: {values}";
    /** The same message where no validator runs (a missing body); AssetStatusTest keeps it equal to the constants. */
    public static final String RULE = "status must be one of: generated, approved, rejected";

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AssetStatus of(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown asset status: " + value));
    }
}
