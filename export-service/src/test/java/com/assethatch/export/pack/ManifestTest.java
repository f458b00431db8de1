package com.assethatch.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.common.image.ImageFormat;
import com.assethatch.common.image.ImageInfo;
import com.assethatch.export.pack.ExportRows.ApprovedImage;
import com.assethatch.export.plan.PlanParser;
import com.assethatch.export.plan.PlannedAsset;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How each manifest record is made from the rows: the original app's defaults and its lenient reading. */
class ManifestTest {

    @Test
    void unsetQualitiesGetTheOriginalDefaults() {
        Manifest.Style style = Manifest.Style.of(TestRows.project().row(), Optional.empty());

        assertThat(style).isEqualTo(new Manifest.Style("Pixel Art", "32x32", "Top-down", "Vibrant", null, null, null,
                null));
    }

    @Test
    void aPlannedEntryTakesItsNameTagsAndFramesFromThePlan() {
        PlannedAsset jump = new PlanParser().parse("## Characters\n- Farmer\n  - Jump (8-frame)\n", null, "p")
                .assets().get(0);
        ApprovedImage image = TestRows.image("row", "p-asset-0").row();

        Manifest.Asset entry = Manifest.Asset.planned(jump, image, "character_farmer_jump_8frame",
                "characters/character_farmer_jump_8frame.png", Optional.empty(),
                Manifest.GenerationMetadata.of(image, "m"));

        assertThat(entry.semanticName()).isEqualTo("Characters - Farmer (Jump (8-frame))");
        assertThat(entry.category()).isEqualTo("character");
        assertThat(entry.tags()).containsExactly("characters", "farmer", "jump (8-frame)");
        assertThat(entry.frames()).isEqualTo(8);
        assertThat(entry.dimensions()).isNull();
        assertThat(entry.sha256()).isEqualTo("sha-row");
    }

    @Test
    void anUnplannedEntryHasOnlyItsAssetId() {
        ApprovedImage image = TestRows.image("row", "P-Asset-9").row();

        Manifest.Asset entry = Manifest.Asset.unplanned(image, "P-Asset-9", "unplanned/P-Asset-9.png",
                Optional.of(new Manifest.Dimensions(2, 3)), Manifest.GenerationMetadata.of(image, "m"));

        assertThat(entry.semanticName()).isEqualTo("Unplanned - P-Asset-9");
        assertThat(entry.tags()).containsExactly("unplanned", "p-asset-9");
        assertThat(entry.frames()).isEqualTo(1);
        assertThat(entry.aiDescription()).isNull();
    }

    @Test
    void dimensionsComeFromTheColumnsThenTheHeaderThenTheFallback() {
        Optional<Manifest.Dimensions> fallback = Optional.of(new Manifest.Dimensions(8, 8));
        Optional<ImageInfo> header = Optional.of(new ImageInfo(ImageFormat.PNG, OptionalInt.of(30), OptionalInt.of(40)));

        assertThat(Manifest.Dimensions.of(TestRows.image("a", "x").size(10, 20).row(), header, fallback))
                .contains(new Manifest.Dimensions(10, 20));
        assertThat(Manifest.Dimensions.of(TestRows.image("a", "x").size(null, 20).row(), header, fallback))
                .contains(new Manifest.Dimensions(30, 40));
        assertThat(Manifest.Dimensions.of(TestRows.image("a", "x").size(null, null).row(), Optional.empty(), fallback))
                .isEqualTo(fallback);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"32x32|32|32", "64X48|64|48", " 16 x 8 |16|8", "''|32|32"})
    void baseResolutionsOfTheFormWxHGiveDimensions(String resolution, int width, int height) {
        assertThat(Manifest.Dimensions.ofResolution(resolution)).contains(new Manifest.Dimensions(width, height));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Custom", "32", "0x32", "x", "32x32x32", "-1x5", "99999999999x1"})
    void otherBaseResolutionsGiveNoDimensions(String resolution) {
        assertThat(Manifest.Dimensions.ofResolution(resolution)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|{\"seed\": 5, \"model\": \"m\"}|5|m",
        "9|{\"seed\": 5, \"model\": \"m\"}|9|m",
        "0|{\"seed\": \"12\"}|12|flux.2-pro",
        "0|{\"seed\": \"twelve\", \"model\": 3}|0|flux.2-pro",
        "0|{\"seed\": 1.5, \"model\": \" \"}|0|flux.2-pro",
        "0|{\"seed\": 2.0}|2|flux.2-pro",
        "0|{\"seed\": 123456789012345678901234567890}|0|flux.2-pro",
        "0|{\"seed\": {\"nested\": 1}, \"model\": [\"x\"]}|0|flux.2-pro",
        "0|[1, 2]|0|flux.2-pro",
        "0|\"a string\"|0|flux.2-pro",
        "0|not json at all|0|flux.2-pro",
        "0|null|0|flux.2-pro"})
    void storedMetadataOfAnyShapeNeverFailsTheExport(long rowSeed, String metadata, long seed, String model) {
        ApprovedImage image = TestRows.image("a", "p-asset-0").metadata(metadata).seed(rowSeed).prompt("").row();

        Manifest.GenerationMetadata generation = Manifest.GenerationMetadata.of(image, "flux.2-pro");

        assertThat(generation).isEqualTo(new Manifest.GenerationMetadata("No prompt recorded", seed, model));
    }
}
