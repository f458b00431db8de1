package com.assethatch.export.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a variant's text says about its animation: markers such as {@code (4-direction)}, {@code (4 directions)},
 * {@code (8-frame)} or {@code (6 frames)}, several per parenthesis separated by commas, and the name that remains
 * once every parenthesised group is removed.
 *
 * @param text       the variant text as written
 * @param name       the text without parenthesised groups; the whole text when nothing else is left
 * @param directions direction count, 1 when not marked
 * @param frames     frame count, null when not marked
 */
record Animation(String text, String name, int directions, Integer frames) {

    private static final Pattern INNERMOST_GROUP = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern MARKER = Pattern.compile(
            "(\\d{1,6})\\s*-?\\s*(direction|frame)s?", Pattern.CASE_INSENSITIVE);

    boolean multiDirection() {
        return directions > 1;
    }

    static Animation of(String text, int line, Warnings warnings) {
        Integer directions = null;
        Integer frames = null;
        Matcher group = INNERMOST_GROUP.matcher(text);
        while (group.find()) {
            for (String part : group.group(1).split(",")) {
                Matcher marker = MARKER.matcher(part.strip());
                if (!marker.matches()) {
                    continue;
                }
                int count = Integer.parseInt(marker.group(1));
                boolean isDirection = Character.toLowerCase(marker.group(2).charAt(0)) == 'd';
                if (count == 0) {
                    warnings.atLine(line, "'" + text + "': a count of 0 means nothing and was ignored");
                } else if (isDirection) {
                    directions = firstOf(directions, count, "direction", text, line, warnings);
                } else {
                    frames = firstOf(frames, count, "frame", text, line, warnings);
                }
            }
        }
        String name = withoutParenthesisedGroups(text);
        return new Animation(text, name.isEmpty() ? text : name, directions == null ? 1 : directions, frames);
    }

    private static Integer firstOf(Integer earlier, int later, String what, String text, int line, Warnings warnings) {
        if (earlier == null) {
            return later;
        }
        if (earlier != later) {
            warnings.atLine(line, "'" + text + "' gives several " + what + " counts; using the first, " + earlier);
        }
        return earlier;
    }

    /** Removes every balanced parenthesised group, nested ones included, in one pass; stray parentheses stay. */
    static String withoutParenthesisedGroups(String text) {
        int[] closing = matchingClosers(text);
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (closing[i] > i) {
                i = closing[i];
            } else {
                kept.append(text.charAt(i));
            }
        }
        return PlainText.collapse(kept);
    }

    /** For each '(' that is closed, the index of its ')'; otherwise -1. */
    private static int[] matchingClosers(String text) {
        int[] closing = new int[text.length()];
        int[] open = new int[text.length()];
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            closing[i] = -1;
            char c = text.charAt(i);
            if (c == '(') {
                open[depth++] = i;
            } else if (c == ')' && depth > 0) {
                closing[open[--depth]] = i;
            }
        }
        return closing;
    }
}
