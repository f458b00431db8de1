package com.assethatch.project.projects;

import java.util.LinkedHashMap;
import java.util.Map;

/** A project's qualities; a null value means "not chosen yet". */
public record Qualities(String artStyle, String baseResolution, String perspective, String gameGenre,
        String theme, String mood, String colorPalette) {

    public String get(QualityKey key) {
        return switch (key) {
            case ART_STYLE -> artStyle;
            case BASE_RESOLUTION -> baseResolution;
            case PERSPECTIVE -> perspective;
            case GAME_GENRE -> gameGenre;
            case THEME -> theme;
            case MOOD -> mood;
            case COLOR_PALETTE -> colorPalette;
        };
    }

    /** All seven keys in their snake_case form, unset ones as null, in a stable order. */
    public Map<String, String> bySnakeName() {
        Map<String, String> values = new LinkedHashMap<>();
        for (QualityKey key : QualityKey.values()) {
            values.put(key.snakeName(), get(key));
        }
        return values;
    }
}
