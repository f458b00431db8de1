package com.assethatch.export.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.export.pack.ExportNames;
import org.junit.jupiter.api.Test;

/** Leading [STATIC], [MOVEABLE:n] and [ANIM:n] tags set mobility (the original stripped and then ignored them). */
class MobilityTagsTest {

    private final PlanParser parser = new PlanParser();

    private ParsedPlan parse(String markdown) {
        return parser.parse(markdown, ParseMode.COMPOSITE, "p");
    }

    @Test
    void tagsWinOverTheCategoryAndNameHeuristics() {
        ParsedPlan plan = parse("""
                ## Characters
                - [STATIC] Statue
                - [MOVEABLE:8] Hero
                - [MOVEABLE:4] Farmer
                ## Props
                - [ANIM:6] Spinning Coin
                - [static] Torch
                """);

        assertThat(plan.assets()).extracting(PlannedAsset::name)
                .containsExactly("Statue", "Hero", "Farmer", "Spinning Coin", "Torch");
        assertThat(plan.assets()).extracting(PlannedAsset::mobility).containsExactly(
                new Mobility(Mobility.Type.STATIC, null, null), new Mobility(Mobility.Type.MOVEABLE, 8, null),
                new Mobility(Mobility.Type.MOVEABLE, 4, null), new Mobility(Mobility.Type.ANIMATED, null, 6),
                new Mobility(Mobility.Type.STATIC, null, null));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void theTagIsRemovedBeforeTypeAndDescriptionAreWorkedOut() {
        PlannedAsset coin = parse("## Props\n- [ANIM:6]Spinning Coin\n").assets().get(0);

        assertThat(coin.name()).isEqualTo("Spinning Coin");
        assertThat(coin.description()).isEqualTo("spinning coin");
        assertThat(ExportNames.semanticId(coin)).isEqualTo("prop_spinning_coin_default");
    }

    @Test
    void theTagSurvivesBoldMarkupAroundTheName() {
        PlannedAsset hero = parse("- [MOVEABLE:8] **Hero**\n").assets().get(0);

        assertThat(hero.name()).isEqualTo("Hero");
        assertThat(hero.mobility()).isEqualTo(Mobility.moveable(8));
    }

    @Test
    void aTagInTheMiddleOfTheNameIsText() {
        PlannedAsset asset = parse("- Hero [STATIC]\n").assets().get(0);

        assertThat(asset.name()).isEqualTo("Hero [STATIC]");
        assertThat(asset.mobility()).isEqualTo(Mobility.still());
    }

    @Test
    void moveableWithAnotherCountThanFourOrEightMeansFourAndIsWarned() {
        ParsedPlan plan = parse("- [MOVEABLE:6] Crab\n");

        assertThat(plan.assets().get(0).mobility()).isEqualTo(new Mobility(Mobility.Type.MOVEABLE, 4, null));
        assertThat(plan.warnings()).singleElement().asString().contains("Line 1", "[MOVEABLE:6]", "'Crab'", "4");
    }

    @Test
    void tagsWithAnInvalidNumberKeepTheirKindAndAreWarned() {
        ParsedPlan plan = parse("""
                - [MOVEABLE:x] Crab
                - [ANIM:-3] Flag
                - [ANIM] Smoke
                - [MOVEABLE] Bat
                - [ANIM:0] Lamp
                - [STATIC:2] Rock
                """);

        assertThat(plan.assets()).extracting(PlannedAsset::name)
                .containsExactly("Crab", "Flag", "Smoke", "Bat", "Lamp", "Rock");
        assertThat(plan.assets()).extracting(PlannedAsset::mobility).containsExactly(
                Mobility.moveable(4), new Mobility(Mobility.Type.ANIMATED, null, null), new Mobility(Mobility.Type.ANIMATED, null, null),
                Mobility.moveable(4), new Mobility(Mobility.Type.ANIMATED, null, null), Mobility.still());
        assertThat(plan.warnings()).hasSize(6);
        assertThat(plan.warnings().get(0)).contains("Line 1", "[MOVEABLE:x]", "direction count");
        assertThat(plan.warnings().get(1)).contains("Line 2", "[ANIM:-3]", "frame count");
        assertThat(plan.warnings().get(4)).contains("Line 5", "[ANIM:0]");
    }

    @Test
    void aNameThatIsOnlyATagIsEmptyAndWarned() {
        ParsedPlan plan = parse("- [STATIC]\n");

        assertThat(plan.assets().get(0).name()).isEmpty();
        assertThat(plan.assets().get(0).mobility()).isEqualTo(Mobility.still());
        assertThat(plan.warnings()).singleElement().asString().contains("no name");
    }

    @Test
    void withoutTagMovingCategoriesComeBeforeAnimatedNames() {
        ParsedPlan plan = parse("""
                ## Playable Heroes
                - Fire Mage
                ## Creatures
                - Bat
                ## Decor
                - Campfire
                - Banner Flag
                - Chair
                """);

        assertThat(plan.assets()).extracting(PlannedAsset::mobility).containsExactly(
                Mobility.moveable(4), Mobility.moveable(4), Mobility.animated(4), Mobility.animated(4),
                Mobility.still());
    }

    @Test
    void mobilityFactoriesNormaliseCounts() {
        assertThat(Mobility.moveable(8)).isEqualTo(new Mobility(Mobility.Type.MOVEABLE, 8, null));
        assertThat(Mobility.moveable(5)).isEqualTo(new Mobility(Mobility.Type.MOVEABLE, 4, null));
        assertThat(Mobility.animated(0)).isEqualTo(new Mobility(Mobility.Type.ANIMATED, null, null));
        assertThat(Mobility.animated(12)).isEqualTo(new Mobility(Mobility.Type.ANIMATED, null, 12));
    }
}
