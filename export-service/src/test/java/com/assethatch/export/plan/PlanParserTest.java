package com.assethatch.export.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.assethatch.export.pack.ExportNames;
import com.assethatch.export.pack.UniqueNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the CommonMark reading deliberately differs from the original line-based parser, and the warnings. */
class PlanParserTest {

    private final PlanParser parser = new PlanParser();

    private List<PlannedAsset> assets(String markdown) {
        return parser.parse(markdown, ParseMode.COMPOSITE, "p").assets();
    }

    private List<String> warnings(String markdown) {
        return parser.parse(markdown, ParseMode.COMPOSITE, "p").warnings();
    }

    @Test
    void metadataItemsBecomeNotesAndConsumeNoId() {
        List<PlannedAsset> assets = assets("""
                ## Characters
                - Robot
                  - Description: friendly robot with a smiley face
                  - Idle
                  - Animations: Idle, Walk
                  - Notes: keep it small
                - Drone
                """);

        assertThat(assets).extracting(PlannedAsset::id, PlannedAsset::name, a -> a.variant().name())
                .containsExactly(tuple("p-asset-0", "Robot", "Idle"), tuple("p-asset-1", "Drone", "Default"));
        assertThat(assets.get(0).notes()).containsExactly(
                Map.entry("description", "friendly robot with a smiley face"),
                Map.entry("animations", "Idle, Walk"),
                Map.entry("notes", "keep it small"));
        assertThat(assets.get(1).notes()).isEmpty();
    }

    @Test
    void boldAndLowerCaseMetadataLabelsAreMetadataToo() {
        List<PlannedAsset> assets = assets("""
                - Robot
                  - **Description:** shiny
                  - DETAILS: chrome
                  - *Info*: v2
                  - note: first
                  - Note: second
                """);

        assertThat(assets).singleElement().satisfies(robot -> {
            assertThat(robot.id()).isEqualTo("p-asset-0");
            assertThat(robot.variant().name()).isEqualTo("Default");
            assertThat(robot.notes()).containsExactly(Map.entry("description", "shiny"),
                    Map.entry("details", "chrome"), Map.entry("info", "v2"), Map.entry("note", "first\nsecond"));
        });
    }

    @Test
    void anAssetWhoseOnlySubItemsAreMetadataIsOneAssetWithTheDefaultVariant() {
        List<PlannedAsset> assets = assets("- Barrel\n  - Description: oak\n- Crate\n");

        assertThat(assets).extracting(PlannedAsset::id).containsExactly("p-asset-0", "p-asset-1");
        assertThat(assets.get(0).variant().id()).isEqualTo("p-asset-0-variant");
        assertThat(assets.get(0).description()).isEqualTo("barrel");
    }

    @Test
    void textWithoutAColonAfterTheLabelIsAVariant() {
        List<PlannedAsset> assets = assets("- Robot\n  - Notes - not metadata\n  - Descriptions: plural\n");

        assertThat(assets).extracting(a -> a.variant().name())
                .containsExactly("Notes - not metadata", "Descriptions: plural");
    }

    @Test
    void everyListMarkerStartsAnAsset() {
        List<PlannedAsset> assets = assets("""
                ## Props
                - Dash
                * Star
                + Plus
                1. One
                2) Two
                """);

        assertThat(assets).extracting(PlannedAsset::name).containsExactly("Dash", "Star", "Plus", "One", "Two");
        assertThat(assets).extracting(PlannedAsset::id)
                .containsExactly("p-asset-0", "p-asset-1", "p-asset-2", "p-asset-3", "p-asset-4");
    }

    @Test
    void nestedItemsOfAnyMarkerAreVariants() {
        List<PlannedAsset> assets = assets("1. Knight\n   * Idle\n   + Walk\n   1. Run\n");

        assertThat(assets).extracting(a -> a.variant().name()).containsExactly("Idle", "Walk", "Run");
    }

    @Test
    void thematicBreaksParagraphsQuotesTablesAndCodeAreNotAssets() {
        List<PlannedAsset> assets = assets("""
                ## Props
                ---
                Some introduction paragraph.

                > - quoted item

                | a | b |
                |---|---|
                | - x | y |

                ```
                - code item
                ```

                    - indented code

                ***
                - Crate
                """);

        assertThat(assets).extracting(PlannedAsset::id, PlannedAsset::name).containsExactly(tuple("p-asset-0", "Crate"));
    }

    @Test
    void inlineMarkupIsRemovedFromNames() {
        List<PlannedAsset> assets = assets("""
                - **Farmer**
                - __Miller__ the *Old*
                - [Blacksmith](https://example.com) with `Hammer`
                - <b>Baker</b>
                - ![Cook](cook.png)
                """);

        assertThat(assets).extracting(PlannedAsset::name)
                .containsExactly("Farmer", "Miller the Old", "Blacksmith with Hammer", "Baker", "Cook");
    }

    @Test
    void intrawordUnderscoresAreKept() {
        PlannedAsset potion = assets("## Items\n- Health_Potion\n").get(0);

        assertThat(potion.name()).isEqualTo("Health_Potion");
        assertThat(ExportNames.semanticId(potion)).isEqualTo("item_health_potion_default");
    }

    @Test
    void whitespaceInNamesIsCollapsed() {
        List<PlannedAsset> assets = assets("- Big   Red\n  Barn\n  - Idle   Loop  (2-frame)\n");

        assertThat(assets.get(0).name()).isEqualTo("Big Red Barn");
        assertThat(assets.get(0).variant().name()).isEqualTo("Idle Loop (2-frame)");
    }

    @Test
    void everyHeadingFromLevelTwoIsACategoryNamedByItsText() {
        List<PlannedAsset> assets = assets("""
                # Title is ignored
                - Before
                ## Characters
                - Hero
                ### Props & **Stuff**
                - Crate
                #### Deep
                - Pebble
                # Another title keeps the category
                - Rock
                """);

        assertThat(assets).extracting(PlannedAsset::category)
                .containsExactly("", "Characters", "Props & Stuff", "Deep", "Deep");
    }

    @Test
    void setextHeadingsOfLevelTwoAreCategories() {
        List<PlannedAsset> assets = assets("""
                My Plan
                =======

                Characters
                ----------
                - Hero
                """);

        assertThat(assets).extracting(PlannedAsset::category, PlannedAsset::name)
                .containsExactly(tuple("Characters", "Hero"));
    }

    @Test
    void aSeparatorRightUnderTextMakesItACategoryAndIsWarned() {
        ParsedPlan plan = parser.parse("""
                ## Characters
                Here are the characters.
                ---
                - Hero
                """, ParseMode.COMPOSITE, "p");

        assertThat(plan.assets()).extracting(PlannedAsset::category).containsExactly("Here are the characters.");
        assertThat(plan.warnings()).singleElement().asString()
                .contains("Line 2", "'Here are the characters.'", "blank line before '---'");
    }

    @Test
    void aLongSetextUnderlineIsTakenAsIntended() {
        assertThat(warnings("Characters\n----------\n- Hero\n")).isEmpty();
    }

    @Test
    void granularModeNamesFiveToEightDirections() {
        ParsedPlan plan = parser.parse("""
                ## Characters
                - Hero
                  - Walk (8-direction)
                  - Turn (5 directions)
                """, ParseMode.GRANULAR, "p");

        assertThat(plan.assets()).extracting(PlannedAsset::id).containsExactly(
                "p-asset-0-front", "p-asset-0-back", "p-asset-0-left", "p-asset-0-right",
                "p-asset-0-front_left", "p-asset-0-front_right", "p-asset-0-back_left", "p-asset-0-back_right",
                "p-asset-1-front", "p-asset-1-back", "p-asset-1-left", "p-asset-1-right", "p-asset-1-front_left");
        PlannedAsset frontLeft = plan.assets().get(4);
        assertThat(frontLeft.variant().name()).isEqualTo("Walk - Front Left");
        assertThat(frontLeft.variant().direction().value()).isEqualTo("front_left");
        assertThat(frontLeft.variant().pose()).isEqualTo("walking pose mid-stride front left view");
        assertThat(frontLeft.description()).isEqualTo("hero walk (8-direction) front left view");
        assertThat(ExportNames.semanticId(frontLeft)).isEqualTo("character_hero_walk_front_left");
    }

    @Test
    void granularModeWarnsAndStopsAtEightDirections() {
        ParsedPlan plan = parser.parse("- Hero\n  - Spin (12-direction)\n", ParseMode.GRANULAR, "p");

        assertThat(plan.assets()).hasSize(8);
        assertThat(plan.warnings()).singleElement().asString().contains("12 directions", "8 assets");
    }

    @Test
    void theExportOrderListsEachAssetFollowedByTheAssetsItsDirectionsBecome() {
        ExportOrder order = parser.exportOrder("""
                ## Characters
                - [MOVEABLE:8] Farmer
                  - Idle (4-direction)
                  - Jump (8-frame)
                ## Items & Props
                - Health Potion
                """, "p");

        assertThat(order.entries()).extracting(e -> e.asset().id()).containsExactly("p-asset-0", "p-asset-1", "p-asset-2");
        assertThat(order.entries().get(0).asset().type().value()).isEqualTo("sprite-sheet");
        assertThat(order.entries().get(0).directions()).extracting(PlannedAsset::id)
                .containsExactly("p-asset-0-front", "p-asset-0-left", "p-asset-0-right", "p-asset-0-back");
        assertThat(order.entries().get(0).directions()).extracting(a -> a.variant().direction() == null ? null : a.variant().direction().value())
                .containsExactly("front", "left", "right", "back");
        assertThat(order.entries().get(1).directions()).isEmpty();
        assertThat(order.warnings()).isEmpty();
    }

    @Test
    void theExportOrderHasTheWarningsOfBothModesCompositeFirst() {
        String plan = "- Hero\n  - Spin (12-direction)\n- \n";

        ExportOrder order = parser.exportOrder(plan, "p");

        List<String> composite = parser.parse(plan, ParseMode.COMPOSITE, "p").warnings();
        assertThat(composite).isNotEmpty();
        assertThat(order.warnings()).startsWith(composite.toArray(String[]::new))
                .hasSize(composite.size() + 1).last().asString().contains("12 directions");
        assertThat(order.entries().get(0).directions()).hasSize(8);
    }

    @Test
    void crlfLineEndingsAndTabIndentationFollowCommonMark() {
        List<PlannedAsset> assets = assets("## Characters\r\n- Farmer\r\n\t- Idle (4-direction)\r\n- Cow\r\n");

        assertThat(assets).extracting(PlannedAsset::id, PlannedAsset::name, a -> a.variant().name())
                .containsExactly(tuple("p-asset-0", "Farmer", "Idle"), tuple("p-asset-1", "Cow", "Default"));
        assertThat(assets.get(0).category()).isEqualTo("Characters");
    }

    @Test
    void deeplyNestedItemsAreVariantsOfTheTopLevelAssetInDocumentOrder() {
        List<PlannedAsset> assets = assets("""
                - Wizard
                    - Cast
                        - Cast Loop
                            - Cast End
                    - Idle
                - Owl
                """);

        assertThat(assets).extracting(PlannedAsset::id, PlannedAsset::name, a -> a.variant().name())
                .containsExactly(
                        tuple("p-asset-0", "Wizard", "Cast"),
                        tuple("p-asset-1", "Wizard", "Cast Loop"),
                        tuple("p-asset-2", "Wizard", "Cast End"),
                        tuple("p-asset-3", "Wizard", "Idle"),
                        tuple("p-asset-4", "Owl", "Default"));
    }

    @Test
    void animationsListedUnderAnAnimationsItemAreVariantsWithoutWarning() {
        ParsedPlan plan = parser.parse("- Cat\n  - Animations:\n    - Idle\n    - Walk (4-direction)\n",
                ParseMode.COMPOSITE, "p");

        assertThat(plan.assets()).extracting(a -> a.variant().name()).containsExactly("Idle", "Walk");
        assertThat(plan.assets().get(0).notes()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void itemsNestedUnderANotesItemAreVariantsButWarned() {
        ParsedPlan plan = parser.parse("- Cat\n  - Notes:\n    - orange fur\n", ParseMode.COMPOSITE, "p");

        assertThat(plan.assets()).extracting(a -> a.variant().name()).containsExactly("orange fur");
        assertThat(plan.warnings()).singleElement().asString().contains("Line 3", "'orange fur'", "notes:");
    }

    @Test
    void anIndentedItemWithoutAParentIsAnAssetAndWarned() {
        ParsedPlan plan = parser.parse("## Characters\n  - Idle (4-direction)\n- Farmer\n", ParseMode.COMPOSITE, "p");

        assertThat(plan.assets()).extracting(PlannedAsset::id, PlannedAsset::name)
                .containsExactly(tuple("p-asset-0", "Idle (4-direction)"), tuple("p-asset-1", "Farmer"));
        assertThat(plan.warnings()).singleElement().asString().contains("Line 2", "'Idle (4-direction)'", "indented");
    }

    @Test
    void aSubItemRightAfterANewHeadingBelongsToTheNewCategory() {
        List<PlannedAsset> assets = assets("## A\n- Foo\n## B\n  - Bar\n");

        assertThat(assets).extracting(PlannedAsset::category, PlannedAsset::name)
                .containsExactly(tuple("A", "Foo"), tuple("B", "Bar"));
    }

    @Test
    void aSubItemWithoutParentTextGivesAnAssetWithAnEmptyNameAndAWarning() {
        ParsedPlan plan = parser.parse("- - Idle\n", ParseMode.COMPOSITE, "p");

        assertThat(plan.assets()).extracting(PlannedAsset::id, PlannedAsset::name, a -> a.variant().name())
                .containsExactly(tuple("p-asset-0", "", "Idle"));
        assertThat(plan.warnings()).singleElement().asString().contains("Line 1", "no name");
        assertThat(ExportNames.semanticId(plan.assets().get(0))).isEqualTo("idle");
    }

    @Test
    void anEmptyItemIsAnAssetWithAnEmptyNameAndAWarning() {
        ParsedPlan plan = parser.parse("## Props\n-\n- Crate\n", ParseMode.COMPOSITE, "p");

        assertThat(plan.assets()).extracting(PlannedAsset::id, PlannedAsset::name)
                .containsExactly(tuple("p-asset-0", ""), tuple("p-asset-1", "Crate"));
        assertThat(plan.warnings()).singleElement().asString().contains("Line 2", "no name");
    }

    @Test
    void anEmptySubItemIsIgnoredWithAWarning() {
        ParsedPlan plan = parser.parse("- Crate\n  - Open\n  -\n  - Close\n", ParseMode.COMPOSITE, "p");

        assertThat(plan.assets()).extracting(PlannedAsset::id, a -> a.variant().name())
                .containsExactly(tuple("p-asset-0", "Open"), tuple("p-asset-1", "Close"));
        assertThat(plan.warnings()).singleElement().asString().contains("Line 3", "empty sub-item");
    }

    @Test
    void aDashRightUnderAnItemsTextMakesItASetextHeadingWhoseTextIsTheName() {
        ParsedPlan plan = parser.parse("- Crate\n  -\n  - Open\n", ParseMode.COMPOSITE, "p");

        assertThat(plan.assets()).extracting(PlannedAsset::name, a -> a.variant().name())
                .containsExactly(tuple("Crate", "Open"));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void duplicateNamesStayTwoAssetsAndGetUniqueExportNames() {
        List<PlannedAsset> assets = assets("## UI\n- Button\n- Button\n");
        UniqueNames names = new UniqueNames();

        assertThat(assets).extracting(PlannedAsset::id).containsExactly("p-asset-0", "p-asset-1");
        assertThat(assets).extracting(ExportNames::semanticId).containsOnly("ui_button_default");
        assertThat(assets).extracting(a -> names.claimPath(ExportNames.folder(a.category()),
                ExportNames.semanticId(a), "png"))
                .containsExactly("ui/ui_button_default.png", "ui/ui_button_default_2.png");
    }

    @Test
    void emptyOrNullPlansHaveNoAssetsAndSaySo() {
        assertThat(parser.parse(null, null, null).assets()).isEmpty();
        assertThat(parser.parse("", ParseMode.GRANULAR, "p").warnings()).containsExactly(
                "The plan is empty, so it has no assets");
        assertThat(parser.parse(" \n\t\r\n", ParseMode.COMPOSITE, "p").warnings()).hasSize(1);
    }

    @Test
    void aPlanWithoutListItemsWarnsThatItHasNoAssets() {
        assertThat(warnings("# Plan\n## Characters\nA farmer and a cow.\n"))
                .singleElement().asString().contains("no assets", "- Name");
    }

    @Test
    void nullModeMeansCompositeAndNullProjectIdLeavesThePrefixEmpty() {
        PlannedAsset asset = parser.parse("- Hero\n  - Walk (4-direction)\n", null, null).assets().get(0);

        assertThat(asset.id()).isEqualTo("-asset-0");
        assertThat(asset.type().value()).isEqualTo("sprite-sheet");
    }

    @Test
    void warningsAreCappedSoAPathologicalPlanCannotFloodTheResponse() {
        List<String> warnings = warnings("-\n".repeat(1000));

        assertThat(warnings).hasSize(Warnings.MAX_WARNINGS + 1);
        assertThat(warnings.get(Warnings.MAX_WARNINGS)).isEqualTo("… and 800 more warnings");
    }

    @Test
    void parsedPlansAreImmutable() {
        ParsedPlan plan = parser.parse("- Robot\n  - Note: x\n", ParseMode.COMPOSITE, "p");

        assertThatThrownBy(() -> plan.assets().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> plan.assets().get(0).notes().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
