package com.assethatch.export.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.assethatch.export.pack.ExportNames;
import org.junit.jupiter.api.Test;

/**
 * Plans in the original app's canonical format ('- ' bullets, two-space variants, (N-direction) and (N-frame))
 * get the ids and fields the original TypeScript parser gave (docs/plan-format.md, "compatible").
 */
class OriginalFormatCompatibilityTest {

    private final PlanParser parser = new PlanParser();

    private static final String CANONICAL = """
            # Farm Game Assets

            ## Characters
            - Farmer
              - Idle (4-direction)
              - Walk (4-direction)
              - Attack (8-frame)
            - Cow

            ## Environment
            - Oak Tree
            - Grass Tileset

            ## UI
            - Health Bar
            - Start Button
            """;

    @Test
    void idsCountAssetsWithoutVariantsAndEveryVariantInPlanOrder() {
        ParsedPlan plan = parser.parse(CANONICAL, ParseMode.COMPOSITE, "proj-1");

        assertThat(plan.assets())
                .extracting(PlannedAsset::id, PlannedAsset::category, PlannedAsset::name, a -> a.variant().id())
                .containsExactly(
                        tuple("proj-1-asset-0", "Characters", "Farmer", "proj-1-asset-0-composite"),
                        tuple("proj-1-asset-1", "Characters", "Farmer", "proj-1-asset-1-composite"),
                        tuple("proj-1-asset-2", "Characters", "Farmer", "proj-1-asset-2-variant"),
                        tuple("proj-1-asset-3", "Characters", "Cow", "proj-1-asset-3-variant"),
                        tuple("proj-1-asset-4", "Environment", "Oak Tree", "proj-1-asset-4-variant"),
                        tuple("proj-1-asset-5", "Environment", "Grass Tileset", "proj-1-asset-5-variant"),
                        tuple("proj-1-asset-6", "UI", "Health Bar", "proj-1-asset-6-variant"),
                        tuple("proj-1-asset-7", "UI", "Start Button", "proj-1-asset-7-variant"));
    }

    @Test
    void typesFollowTheOriginalKeywordRules() {
        ParsedPlan plan = parser.parse(CANONICAL, ParseMode.COMPOSITE, "p");

        assertThat(plan.assets()).extracting(a -> a.type().value()).containsExactly(
                "sprite-sheet", "sprite-sheet", "character-sprite", "character-sprite",
                "tileset", "tileset", "ui-element", "ui-element");
    }

    @Test
    void mobilityFollowsTheOriginalHeuristicsWithoutTags() {
        ParsedPlan plan = parser.parse("""
                ## NPCs
                - Merchant
                ## Props
                - Wall Torch
                - Barrel
                - Water Fountain
                """, ParseMode.COMPOSITE, "p");

        assertThat(plan.assets()).extracting(PlannedAsset::mobility).containsExactly(
                Mobility.moveable(4), Mobility.animated(4), Mobility.still(), Mobility.animated(4));
        assertThat(plan.assets()).extracting(a -> a.type().value())
                .containsExactly("character-sprite", "icon", "icon", "tileset");
    }

    @Test
    void granularModeOfTheOriginalTakesTheFirstDirectionsWithoutFrameCount() {
        ParsedPlan plan = parser.parse("""
                ## Characters
                - Warrior
                  - Attack (2-direction)
                """, ParseMode.GRANULAR, "p");

        assertThat(plan.assets())
                .extracting(PlannedAsset::id, a -> a.variant().name(), a -> a.variant().direction() == null ? null : a.variant().direction().value(),
                        a -> a.variant().frameCount(), a -> a.variant().arrangementType())
                .containsExactly(
                        tuple("p-asset-0-front", "Attack - Front", "front", null, null),
                        tuple("p-asset-0-left", "Attack - Left", "left", null, null));
        assertThat(plan.assets().get(0).variant().pose()).isEqualTo("attack pose with weapon raised front view");
        assertThat(plan.assets().get(0).variant().animationType()).isEqualTo("attack sequence");
    }

    @Test
    void compositeSheetCountsFramesBeforeDirections() {
        ParsedPlan plan = parser.parse("""
                ## Characters
                - Knight
                  - Walk (4-direction) (6-frame)
                  - Run (8-direction)
                """, ParseMode.COMPOSITE, "p");

        assertThat(plan.assets()).extracting(a -> a.variant().frameCount()).containsExactly(6, 8);
        assertThat(plan.assets()).extracting(a -> a.variant().name()).containsExactly("Walk", "Run");
        assertThat(plan.assets()).extracting(a -> a.variant().animationType())
                .containsExactly("walk cycle", "run cycle");
        assertThat(plan.assets()).extracting(PlannedAsset::description)
                .containsExactly("knight walk (4-direction) (6-frame)", "knight run (8-direction)");
    }

    @Test
    void posesOfUnknownAnimationsNameTheAnimation() {
        ParsedPlan plan = parser.parse("""
                ## Enemies
                - Slime
                  - Crouch
                  - Patrol Route
                """, ParseMode.COMPOSITE, "p");

        assertThat(plan.assets()).extracting(a -> a.variant().pose())
                .containsExactly("crouching pose low to ground", "patrol route pose");
        assertThat(plan.assets()).extracting(a -> a.variant().animationType()).containsOnlyNulls();
    }

    @Test
    void singleDirectionVariantKeepsItsFullTextAsName() {
        PlannedAsset asset = parser.parse("""
                ## Enemies
                - Slime
                  - Jump (8-frame)
                """, ParseMode.COMPOSITE, "p").assets().get(0);

        assertThat(asset.variant().name()).isEqualTo("Jump (8-frame)");
        assertThat(ExportNames.semanticId(asset)).isEqualTo("enemy_slime_jump_8frame");
    }

    @Test
    void itemsBeforeTheFirstCategoryHaveAnEmptyCategoryAndGoToUncategorized() {
        PlannedAsset asset = parser.parse("- Loose Rock\n## Props\n- Crate\n", ParseMode.COMPOSITE, "p")
                .assets().get(0);

        assertThat(asset.category()).isEmpty();
        assertThat(ExportNames.folder(asset.category())).isEqualTo("uncategorized");
        assertThat(ExportNames.semanticId(asset)).isEqualTo("loose_rock_default");
    }

    @Test
    void typeRulesApplyInTheOriginalOrder() {
        assertThat(AssetRules.typeOf("Characters", "Sky Background").value()).isEqualTo("character-sprite");
        assertThat(AssetRules.typeOf("Scenes", "Night Sky").value()).isEqualTo("background");
        assertThat(AssetRules.typeOf("Props", "Stone Wall").value()).isEqualTo("tileset");
        assertThat(AssetRules.typeOf("Environment", "Oak Tree").value()).isEqualTo("tileset");
        assertThat(AssetRules.typeOf("Misc", "Coin Icon").value()).isEqualTo("icon");
        assertThat(AssetRules.typeOf("Build", "Hammer").value()).isEqualTo("ui-element");
        assertThat(AssetRules.typeOf("Misc", "Side Panel").value()).isEqualTo("ui-element");
        assertThat(AssetRules.typeOf("Misc", "Goblin").value()).isEqualTo("character-sprite");
    }
}
