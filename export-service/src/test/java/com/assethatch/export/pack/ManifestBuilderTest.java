package com.assethatch.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.common.image.ImageFormat;
import com.assethatch.common.image.ImageInfo;
import com.assethatch.export.pack.ExportRows.AnchorImage;
import com.assethatch.export.pack.ExportRows.ApprovedImage;
import com.assethatch.export.pack.ExportRows.ProjectRow;
import com.assethatch.export.plan.PlanParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The export rules as a pure function: fast cases for matching, naming, sizes and metadata. */
class ManifestBuilderTest {

    private static final String PLAN = """
            ## Characters
            - [MOVEABLE:8] Farmer
              - Idle (4-direction)
              - Jump (8-frame)
            ## Items & Props
            - Health Potion
            """;

    private final ManifestBuilder builder = new ManifestBuilder(new PlanParser(), "flux.2-pro");

    @Test
    void imagesAreExportedInPlanOrderWhateverOrderTheyWereApprovedIn() {
        PackLayout export = build(PLAN, List.of(image("c", "p-asset-2", 1), image("a", "p-asset-0", 2),
                image("b", "p-asset-0-back", 3)));

        assertThat(export.images()).extracting(PackLayout.File::imageId).containsExactly("a", "b", "c");
        assertThat(export.images()).extracting(PackLayout.File::path).containsExactly(
                "characters/character_farmer_idle.png", "characters/character_farmer_idle_back.png",
                "items_props/item_prop_health_potion_default.png");
        assertThat(export.manifest().warnings()).isEmpty();
    }

    @Test
    void theNewestOfSeveralApprovalsWinsByTimeThenByIdAndTheOthersAreNamed() {
        PackLayout export = build(PLAN, List.of(image("old", "p-asset-1", 1), image("b-same-time", "p-asset-1", 5),
                image("a-same-time", "p-asset-1", 5)));

        assertThat(export.images()).extracting(PackLayout.File::imageId).containsExactly("b-same-time");
        assertThat(export.manifest().warnings()).singleElement().asString()
                .contains("p-asset-1", "3 approved images", "b-same-time", "old", "a-same-time");
    }

    @Test
    void unplannedImagesGoLastUnderUnplannedWithAWarningEach() {
        PackLayout export = build(PLAN, List.of(image("z", "p-asset-9", 1), image("a", "p-asset-2", 2),
                image("weird", "../..\\evil name", 3)));

        assertThat(export.images()).extracting(PackLayout.File::path).containsExactly(
                "items_props/item_prop_health_potion_default.png", "unplanned/evil_name.png", "unplanned/p-asset-9.png");
        Manifest.Asset unplanned = export.manifest().assets().get(2);
        assertThat(unplanned.category()).isEqualTo("unplanned");
        assertThat(unplanned.assetId()).isEqualTo("p-asset-9");
        assertThat(unplanned.aiDescription()).isNull();
        assertThat(export.manifest().warnings()).hasSize(2)
                .allSatisfy(w -> assertThat(w).contains("not in the plan"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"p-asset-7|p-asset-7", "../../etc/passwd|etc_passwd", "..|asset", "''|asset",
            "a b\tc|a_b_c", "Ünïcode-ID_1|n_code-ID_1"})
    void unplannedFileNamesKeepOnlySafeCharacters(String assetId, String expected) {
        assertThat(ExportNames.unplanned(assetId)).isEqualTo(expected);
    }

    @Test
    void theExtensionFollowsTheRealMediaType() {
        PackLayout export = build(PLAN, List.of(
                TestRows.image("j", "p-asset-1").mediaType("image/jpeg").row(),
                TestRows.image("w", "p-asset-2").mediaType("image/webp").row()));

        assertThat(export.images()).extracting(PackLayout.File::path)
                .containsExactly("characters/character_farmer_jump_8frame.jpg", "items_props/item_prop_health_potion_default.webp");
    }

    @Test
    void theStyleAnchorIsNamedByItsTypeAndListedInTheStyle() {
        PackLayout export = builder.build(project("Pixel Art (8-bit)", null), PLAN, List.of(image("a", "p-asset-2", 1)),
                Optional.of(new AnchorImage("image/webp", 10, "abc")), Map.of());

        assertThat(export.anchor()).map(PackLayout.File::path).contains("style_anchor.webp");
        assertThat(export.manifest().style().anchorImagePath()).isEqualTo("style_anchor.webp");
        assertThat(export.manifest().style().artStyle()).isEqualTo("Pixel Art (8-bit)");
        assertThat(export.manifest().style().perspective()).isEqualTo("Top-down");
        assertThat(export.manifest().project().created()).isEqualTo("2025-12-29T08:00:00.000Z");
    }

    @Test
    void withoutAnAnchorThereIsNoAnchorPath() {
        PackLayout export = build(PLAN, List.of(image("a", "p-asset-2", 1)));

        assertThat(export.anchor()).isEmpty();
        assertThat(export.manifest().style().anchorImagePath()).isNull();
    }

    @Test
    void dimensionsComeFromTheColumnsThenTheSniffedHeaderThenTheBaseResolution() {
        List<ApprovedImage> images = List.of(
                TestRows.image("cols", "p-asset-0").size(10, 20).row(),
                TestRows.image("sniffed", "p-asset-1").size(null, null).row(),
                TestRows.image("neither", "p-asset-2").size(null, 5).row());
        Map<String, ImageInfo> sniffed = Map.of("sniffed",
                new ImageInfo(ImageFormat.PNG, OptionalInt.of(30), OptionalInt.of(40)));

        List<Manifest.Asset> assets = builder.build(project(null, "Custom"), PLAN, images, Optional.empty(), sniffed)
                .manifest().assets();
        List<Manifest.Asset> withResolution = builder.build(project(null, "8x4"), PLAN, images, Optional.empty(), sniffed)
                .manifest().assets();

        assertThat(assets).extracting(Manifest.Asset::dimensions).containsExactly(
                new Manifest.Dimensions(10, 20), new Manifest.Dimensions(30, 40), null);
        assertThat(withResolution.get(2).dimensions()).isEqualTo(new Manifest.Dimensions(8, 4));
    }

    @Test
    void categoriesAreSingularLikeTheSemanticIdNotTheOriginalsRegex() {
        PackLayout export = build("""
                ## Enemies
                - Slime
                ## Status
                - Poison
                ## Heroes
                - Knight
                """, List.of(image("a", "p-asset-0", 1), image("b", "p-asset-1", 2), image("c", "p-asset-2", 3)));

        assertThat(export.manifest().assets()).extracting(Manifest.Asset::category)
                .containsExactly("enemy", "status", "hero");
        assertThat(export.manifest().assets()).extracting(Manifest.Asset::id)
                .containsExactly("enemy_slime_default", "status_poison_default", "hero_knight_default");
    }

    @Test
    void duplicateNamesGetNumberedPathsAndIds() {
        PackLayout export = build("## UI\n- Button\n- Button\n- button\n",
                List.of(image("a", "p-asset-0", 1), image("b", "p-asset-1", 2), image("c", "p-asset-2", 3)));

        assertThat(export.images()).extracting(PackLayout.File::path)
                .containsExactly("ui/ui_button_default.png", "ui/ui_button_default_2.png", "ui/ui_button_default_3.png");
        assertThat(export.manifest().assets()).extracting(Manifest.Asset::id)
                .containsExactly("ui_button_default", "ui_button_default_2", "ui_button_default_3");
    }

    @Test
    void everyApprovedImageIsAccountedForByAFileOrAWarning() {
        List<ApprovedImage> images = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            images.add(image("row" + i, "p-asset-" + (i % 5), i));
        }

        PackLayout export = build(PLAN, images);

        for (ApprovedImage image : images) {
            boolean exported = export.images().stream().anyMatch(f -> f.imageId().equals(image.id()));
            boolean named = export.manifest().warnings().stream().anyMatch(w -> w.contains(image.id()));
            assertThat(exported || named).as(image.id()).isTrue();
        }
    }

    private PackLayout build(String plan, List<ApprovedImage> images) {
        return builder.build(project(null, null), plan, images, Optional.empty(), Map.of());
    }

    private static ProjectRow project(String artStyle, String baseResolution) {
        return TestRows.project().artStyle(artStyle).baseResolution(baseResolution).row();
    }

    private static ApprovedImage image(String id, String assetId, int minute) {
        return TestRows.image(id, assetId).minute(minute).row();
    }
}
