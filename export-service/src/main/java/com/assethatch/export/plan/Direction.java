package com.assethatch.export.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** A view of a sprite that granular mode makes an asset of its own. */
public enum Direction {
    FRONT, BACK, LEFT, RIGHT, FRONT_LEFT, FRONT_RIGHT, BACK_LEFT, BACK_RIGHT;

    private static final List<Direction> FOUR = List.of(FRONT, LEFT, RIGHT, BACK);
    private static final List<Direction> EIGHT =
            List.of(FRONT, BACK, LEFT, RIGHT, FRONT_LEFT, FRONT_RIGHT, BACK_LEFT, BACK_RIGHT);

    /** 2 to 4 directions turn a sprite around (front, left, right, back); more add the back and the diagonals. */
    static List<Direction> first(int count) {
        List<Direction> order = count <= FOUR.size() ? FOUR : EIGHT;
        return order.subList(0, Math.min(count, order.size()));
    }

    static int max() {
        return EIGHT.size();
    }

    /** {@code front_left}: the value in ids and JSON. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code front left}, for prompts. */
    String words() {
        return value().replace('_', ' ');
    }

    /** {@code Front Left}, for variant names. */
    String title() {
        StringBuilder title = new StringBuilder();
        for (String word : value().split("_")) {
            if (!title.isEmpty()) {
                title.append(' ');
            }
            title.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return title.toString();
    }
}
