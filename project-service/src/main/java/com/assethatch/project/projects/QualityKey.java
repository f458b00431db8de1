package com.assethatch.project.projects;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The seven project qualities the prompt builder uses; the snake_case name is also the column name. */
public enum QualityKey {
    ART_STYLE("art_style"),
    BASE_RESOLUTION("base_resolution"),
    PERSPECTIVE("perspective"),
    GAME_GENRE("game_genre"),
    THEME("theme"),
    MOOD("mood"),
    COLOR_PALETTE("color_palette");

    public static final List<String> NAMES = Arrays.stream(values()).map(QualityKey::snakeName).toList();

    private final String snakeName;

    QualityKey(String snakeName) {
        this.snakeName = snakeName;
    }

    public String snakeName() {
        return snakeName;
    }

    public String column() {
        return snakeName;
    }

    public static Optional<QualityKey> fromSnakeName(String name) {
        return Arrays.stream(values()).filter(key -> key.snakeName.equals(name)).findFirst();
    }
}
