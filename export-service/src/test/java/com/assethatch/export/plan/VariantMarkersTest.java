package com.assethatch.export.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Direction and frame markers in a variant's parentheses, and the animation name that remains. */
class VariantMarkersTest {

    private Animation read(String text) {
        return Animation.of(text, 1, new Warnings());
    }

    @Test
    void theOriginalHyphenatedMarkersAreRead() {
        assertThat(read("Idle (4-direction)")).isEqualTo(new Animation("Idle (4-direction)", "Idle", 4, null));
        assertThat(read("Jump (8-frame)")).isEqualTo(new Animation("Jump (8-frame)", "Jump", 1, 8));
    }

    @Test
    void pluralAndSpacedMarkersAreReadCaseInsensitively() {
        assertThat(read("Walk (4 directions)").directions()).isEqualTo(4);
        assertThat(read("Idle (6 frames)").frames()).isEqualTo(6);
        assertThat(read("Run (8-DIRECTIONS)").directions()).isEqualTo(8);
        assertThat(read("Swim (3 Frame)").frames()).isEqualTo(3);
    }

    @Test
    void severalMarkersInOneParenthesisAreSeparatedByCommas() {
        Animation walk = read("Walk (4-direction, 6 frames)");

        assertThat(walk.directions()).isEqualTo(4);
        assertThat(walk.frames()).isEqualTo(6);
        assertThat(walk.name()).isEqualTo("Walk");
    }

    @Test
    void everyParenthesisedGroupLeavesTheAnimationName() {
        assertThat(read("Attack (heavy) (4-direction) combo").name()).isEqualTo("Attack combo");
        assertThat(read("Dance ((4-direction))").name()).isEqualTo("Dance");
        assertThat(read("Dance ((4-direction))").directions()).isEqualTo(4);
        assertThat(read("Wave (left hand").name()).isEqualTo("Wave (left hand");
    }

    @Test
    void textThatIsOnlyParenthesesKeepsItselfAsName() {
        assertThat(read("(4-direction)")).isEqualTo(new Animation("(4-direction)", "(4-direction)", 4, null));
    }

    @Test
    void otherParenthesesAreNoMarkers() {
        Animation animation = read("Idle (4 legs) (fast)");

        assertThat(animation.directions()).isEqualTo(1);
        assertThat(animation.frames()).isNull();
        assertThat(animation.multiDirection()).isFalse();
    }

    @Test
    void zeroAndConflictingCountsAreWarned() {
        Warnings warnings = new Warnings();

        Animation zero = Animation.of("Idle (0-frame)", 3, warnings);
        Animation twice = Animation.of("Walk (4-direction) (8-direction)", 4, warnings);

        assertThat(zero.frames()).isNull();
        assertThat(twice.directions()).isEqualTo(4);
        assertThat(warnings.list()).hasSize(2);
        assertThat(warnings.list().get(0)).contains("Line 3", "0");
        assertThat(warnings.list().get(1)).contains("Line 4", "direction", "4");
    }

    @Test
    void hugeNumbersAreNotMarkersAndDoNotOverflow() {
        Animation animation = read("Idle (99999999999-frame)");

        assertThat(animation.frames()).isNull();
        assertThat(animation.name()).isEqualTo("Idle");
    }

    @Test
    void directionsFollowTheSpecsOrder() {
        assertThat(Direction.first(2)).extracting(Direction::value).containsExactly("front", "left");
        assertThat(Direction.first(3)).extracting(Direction::value).containsExactly("front", "left", "right");
        assertThat(Direction.first(4)).extracting(Direction::value).containsExactly("front", "left", "right", "back");
        assertThat(Direction.first(6)).extracting(Direction::value)
                .containsExactly("front", "back", "left", "right", "front_left", "front_right");
        assertThat(Direction.first(20)).extracting(Direction::value).hasSize(8).endsWith("back_right");
    }
}
