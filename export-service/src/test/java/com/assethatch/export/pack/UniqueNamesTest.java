package com.assethatch.export.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    /** As many alike names as a hostile plan of 20,000 identical items gives. */
    private static final int MANY = 20_000;

    private final UniqueNames names = new UniqueNames();

    @Test
    void aTakenPathGetsNumberedSuffixesInClaimOrder() {
        assertThat(names.claimPath("ui", "ui_button_default", "png")).isEqualTo("ui/ui_button_default.png");
        assertThat(names.claimPath("ui", "ui_button_default", "png")).isEqualTo("ui/ui_button_default_2.png");
        assertThat(names.claimPath("ui", "ui_button_default", "png")).isEqualTo("ui/ui_button_default_3.png");
    }

    @Test
    void otherFoldersAndExtensionsAreOtherPaths() {
        assertThat(names.claimPath("ui", "button", "png")).isEqualTo("ui/button.png");
        assertThat(names.claimPath("props", "button", "png")).isEqualTo("props/button.png");
        assertThat(names.claimPath("ui", "button", ".webp")).isEqualTo("ui/button.webp");
    }

    @Test
    void aSuffixedNameNeverTakesAPathThatIsAlreadyClaimed() {
        names.claimPath("ui", "button_2", "png");
        names.claimPath("ui", "button", "png");

        assertThat(names.claimPath("ui", "button", "png")).isEqualTo("ui/button_3.png");
        assertThat(names.claimPath("ui", "button_2", "png")).isEqualTo("ui/button_2_2.png");
    }

    @Test
    void pathsDifferingOnlyInCaseCollideBecauseSomeFileSystemsIgnoreCase() {
        names.claimPath("unplanned", "P-asset-1", "png");

        assertThat(names.claimPath("unplanned", "p-asset-1", "png")).isEqualTo("unplanned/p-asset-1_2.png");
    }

    @Test
    void idsAreUniqueIndependentlyOfPaths() {
        names.claimPath("ui", "button", "png");

        assertThat(names.claimId("button")).isEqualTo("button");
        assertThat(names.claimId("button")).isEqualTo("button_2");
        assertThat(names.claimId("button")).isEqualTo("button_3");
    }

    @Test
    void namesThatCouldEscapeTheFolderAreRejected() {
        assertThatThrownBy(() -> names.claimPath("..", "x", "png")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> names.claimPath("a/b", "x", "png")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> names.claimPath("a", "", "png")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> names.claimPath("a", "x", "png/../..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> names.claimPath(null, "x", "png")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> names.claimId("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameClaimedThousandsOfTimesGetsEverySuffixInTurnAndSkipsOnesClaimedDirectly() {
        for (int n = 1; n <= 4; n++) {
            names.claimId("farmer");
        }
        assertThat(names.claimId("farmer_5")).isEqualTo("farmer_5");
        assertThat(names.claimId("farmer")).isEqualTo("farmer_6");

        List<String> paths = new ArrayList<>();
        for (int n = 0; n < MANY; n++) {
            paths.add(names.claimPath("characters", "character_farmer_idle", "png"));
        }
        assertThat(paths).doesNotHaveDuplicates().endsWith("characters/character_farmer_idle_" + MANY + ".png");
    }
}
