package com.assethatch.project.projects;

import com.assethatch.common.error.ApiException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules for a qualities PATCH body: only the seven known keys; a value is a non-empty string of bounded
 * length (stripped), or null, which clears it. Every problem is reported at once, naming the allowed keys.
 */
final class QualityChanges {

    private QualityChanges() {
    }

    /** The changes by key; a 400 naming every problem otherwise. */
    static Map<QualityKey, String> validate(Map<String, String> changes, int maxValueLength) {
        if (changes == null || changes.isEmpty()) {
            throw ApiException.badRequest("Give at least one quality to change. Allowed keys: " + allowedKeys(),
                    Map.of("allowedKeys", QualityKey.NAMES));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Map<QualityKey, String> validated = new EnumMap<>(QualityKey.class);
        changes.forEach((name, value) -> QualityKey.fromSnakeName(name).ifPresentOrElse(key -> {
            if (value != null && value.isBlank()) {
                problems.put(name, "must not be empty (send null to clear it)");
            } else if (value != null && value.length() > maxValueLength) {
                problems.put(name, "is too long (at most " + maxValueLength + " characters)");
            } else {
                validated.put(key, value == null ? null : value.strip());
            }
        }, () -> problems.put(name, "is not a quality")));
        if (!problems.isEmpty()) {
            String summary = problems.entrySet().stream()
                    .map(problem -> "'" + problem.getKey() + "' " + problem.getValue())
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            throw ApiException.badRequest("Invalid qualities: " + summary + ". Allowed keys: " + allowedKeys(),
                    Map.of("problems", problems, "allowedKeys", QualityKey.NAMES));
        }
        return validated;
    }

    private static String allowedKeys() {
        return String.join(", ", QualityKey.NAMES);
    }
}
