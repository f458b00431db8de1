package com.assethatch.project.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assethatch.common.error.ApiException;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityChangesTest {

    private static final int MAX_LENGTH = 10;

    @Test
    void knownKeysAreStrippedAndNullClears() {
        Map<String, String> changes = new HashMap<>();
        changes.put("art_style", "  Pixel ");
        changes.put("mood", null);
        assertThat(QualityChanges.validate(changes, MAX_LENGTH))
                .containsEntry(QualityKey.ART_STYLE, "Pixel")
                .containsEntry(QualityKey.MOOD, null)
                .hasSize(2);
    }

    @Test
    void aValueOfExactlyTheLimitIsAccepted() {
        assertThat(QualityChanges.validate(Map.of("theme", "x".repeat(MAX_LENGTH)), MAX_LENGTH)).hasSize(1);
    }

    @Test
    void anEmptyBodyNamesTheAllowedKeys() {
        assertBadRequest(Map.of(), "Give at least one quality to change. Allowed keys: art_style, base_resolution, "
                + "perspective, game_genre, theme, mood, color_palette");
        assertBadRequest(null, "Give at least one quality to change.");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("artStyle", "Pixel");
        changes.put("theme", "   ");
        changes.put("mood", "x".repeat(MAX_LENGTH + 1));
        changes.put("perspective", "side-view");
        assertBadRequest(changes, "Invalid qualities: 'artStyle' is not a quality; 'theme' must not be empty (send null "
                + "to clear it); 'mood' is too long (at most 10 characters). Allowed keys: art_style, base_resolution, "
                + "perspective, game_genre, theme, mood, color_palette");
    }

    private static void assertBadRequest(Map<String, String> changes, String messageStart) {
        assertThatThrownBy(() -> QualityChanges.validate(changes, MAX_LENGTH))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(Response.Status.BAD_REQUEST);
                    assertThat(e.getMessage()).startsWith(messageStart);
                });
    }
}
