package com.assethatch.export.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.assethatch.export.pack.ExportNames;
import com.assethatch.export.pack.UniqueNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of docs/plan-format.md, row by row: composite table, mobility, notes, granular ids, export paths. */
class PlanFormatExamplesTest {

    static final String EXAMPLE = """
            # Asset Plan
            ## Characters
            - [MOVEABLE:8] Farmer
              - Description: straw hat, blue overalls
              - Idle (4-direction)
              - Jump (8-frame)
            ## Items & Props
            * Health Potion
            """;

    private final PlanParser parser = new PlanParser();

    @Test
    void compositeModeGivesTheTableOfTheSpec() {
        ParsedPlan plan = parser.parse(EXAMPLE, ParseMode.COMPOSITE, "p");

        assertThat(plan.assets())
                .extracting(PlannedAsset::id, PlannedAsset::name, a -> a.type().value(),
                        a -> a.variant().name(), a -> a.variant().frameCount())
                .containsExactly(
                        tuple("p-asset-0", "Farmer", "sprite-sheet", "Idle", 4),
                        tuple("p-asset-1", "Farmer", "character-sprite", "Jump (8-frame)", 8),
                        tuple("p-asset-2", "Health Potion", "icon", "Default", null));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void compositeAssetsGetTheExportPathsOfTheSpec() {
        ParsedPlan plan = parser.parse(EXAMPLE, ParseMode.COMPOSITE, "p");
        UniqueNames names = new UniqueNames();

        List<String> paths = plan.assets().stream()
                .map(a -> names.claimPath(ExportNames.folder(a.category()), ExportNames.semanticId(a), "png"))
                .toList();

        assertThat(paths).containsExactly(
                "characters/character_farmer_idle.png",
                "characters/character_farmer_jump_8frame.png",
                "items_props/item_prop_health_potion_default.png");
    }

    @Test
    void farmerIsMoveableInEightDirectionsAndKeepsItsDescriptionAsANote() {
        ParsedPlan plan = parser.parse(EXAMPLE, ParseMode.COMPOSITE, "p");

        PlannedAsset idle = plan.assets().get(0);
        PlannedAsset jump = plan.assets().get(1);
        assertThat(idle.mobility()).isEqualTo(new Mobility(Mobility.Type.MOVEABLE, 8, null));
        assertThat(idle.notes()).containsExactly(Map.entry("description", "straw hat, blue overalls"));
        assertThat(jump.mobility()).isEqualTo(idle.mobility());
        assertThat(jump.notes()).isEqualTo(idle.notes());
        assertThat(plan.assets().get(2).mobility()).isEqualTo(new Mobility(Mobility.Type.STATIC, null, null));
        assertThat(plan.assets().get(2).notes()).isEmpty();
    }

    @Test
    void compositeVariantsCarryTheSpecsFields() {
        ParsedPlan plan = parser.parse(EXAMPLE, ParseMode.COMPOSITE, "p");

        assertThat(plan.assets().get(0).variant()).isEqualTo(new Variant("p-asset-0-composite", "Idle",
                "idle standing pose", "idle breathing animation", 4, "horizontally in a single row", null));
        assertThat(plan.assets().get(0).description()).isEqualTo("farmer idle (4-direction)");
        assertThat(plan.assets().get(1).variant()).isEqualTo(new Variant("p-asset-1-variant", "Jump (8-frame)",
                "jumping pose in mid-air", null, 8, null, null));
        assertThat(plan.assets().get(2).variant()).isEqualTo(new Variant("p-asset-2-variant", "Default",
                null, null, null, null, null));
        assertThat(plan.assets().get(2).description()).isEqualTo("health potion");
        assertThat(plan.assets()).extracting(PlannedAsset::category)
                .containsExactly("Characters", "Characters", "Items & Props");
    }

    @Test
    void granularModeSplitsTheFourDirectionIdleAndKeepsTheOtherIds() {
        ParsedPlan plan = parser.parse(EXAMPLE, ParseMode.GRANULAR, "p");

        assertThat(plan.assets()).extracting(PlannedAsset::id).containsExactly(
                "p-asset-0-front", "p-asset-0-left", "p-asset-0-right", "p-asset-0-back", "p-asset-1", "p-asset-2");
    }

    @Test
    void granularDirectionAssetsFollowTheSpecsFields() {
        PlannedAsset left = parser.parse(EXAMPLE, ParseMode.GRANULAR, "p").assets().get(1);

        assertThat(left.type().value()).isEqualTo("character-sprite");
        assertThat(left.description()).isEqualTo("farmer idle (4-direction) left view");
        assertThat(left.variant()).isEqualTo(new Variant("p-asset-0-left", "Idle - Left",
                "idle standing pose left view", "idle breathing animation", null, null, Direction.LEFT));
        assertThat(ExportNames.semanticId(left)).isEqualTo("character_farmer_idle_left");
    }
}
