package com.assethatch.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.export.plan.AssetType;
import com.assethatch.export.plan.Mobility;
import com.assethatch.export.plan.PlannedAsset;
import com.assethatch.export.plan.Variant;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportNamesTest {

    private static final int SAMPLES = 20_000;
    private static final Pattern UNICODE_WHITE_SPACE = Pattern.compile("\\s", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WHITE_SPACE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NOT_ID_CHAR = Pattern.compile("[^a-z0-9_]");
    private static final Pattern UNDERSCORE_RUN = Pattern.compile("_{2,}");
    private static final Pattern UNDERSCORES_AT_THE_ENDS = Pattern.compile("^_+|_+$");

    private static PlannedAsset asset(String category, String name, String variantName) {
        Variant variant = variantName == null ? null : new Variant("v", variantName, null, null, null, null, null);
        return new PlannedAsset("p-asset-0", category, name, AssetType.ICON, "", Mobility.still(), Map.of(), variant);
    }

    @Test
    void slugLowerCasesJoinsWordsWithUnderscoresAndDropsTheRest() {
        assertThat(ExportNames.slug("Jump (8-frame)")).isEqualTo("jump_8frame");
        assertThat(ExportNames.slug("Items & Props")).isEqualTo("items_props");
        assertThat(ExportNames.slug("  Health_Potion  ")).isEqualTo("health_potion");
        assertThat(ExportNames.slug("Attack - Front")).isEqualTo("attack_front");
        assertThat(ExportNames.slug("__a__b__")).isEqualTo("a_b");
        assertThat(ExportNames.slug("Café ☕ Déjà\tvu")).isEqualTo("caf_dj_vu");
        assertThat(ExportNames.slug("../../etc/passwd")).isEqualTo("etcpasswd");
        assertThat(ExportNames.slug(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "Characters, character",
        "Enemies, enemy",
        "Heroes, hero",
        "Items & Props, item & prop",
        "Status, status",
        "Glass, glass",
        "Mice, mouse",
        "People, person",
        "Data, data",
        "NPCs, npc",
        "UI Elements, ui element",
        "Heroes (Playable), hero (playable)",
        "Boxes, box",
        "Torches, torch",
        "Bushes, bush",
        "Glasses, glass",
        "Buses, bus",
        "Bonuses, bonus",
        "Statuses, status",
        "Houses, house",
        "Caches, cache",
        "Axes, axe",
        "Zombies, zombie",
        "Movies, movie",
        "Pies, pie",
        "Keys, key",
        "Potatoes, potato",
        "Shoes, shoe",
        "Wolves, wolf",
        "Werewolves, werewolf",
        "Knives, knife",
        "Leaves, leaf",
        "Waves, wave",
        "Swordsmen, swordsman",
        "Women, woman",
        "Children, child",
        "Teeth, tooth",
        "Series, series",
        "Species, species",
        "Gas, gas",
        "Areas, area",
        "Axis, axis",
        "Tiles, tile",
        "Backgrounds, background",
        "Environment, environment",
        "Sprites & Tilesets, sprite & tileset",
        "Quizzes, quiz",
        "UIs, ui",
    })
    void singularWorksWordByWordLikeEnglish(String plural, String singular) {
        assertThat(ExportNames.singular(plural)).isEqualTo(singular);
    }

    @Test
    void singularKeepsCharactersBetweenWords() {
        assertThat(ExportNames.singular("Sub-Categories: Gems/Coins")).isEqualTo("sub-category: gem/coin");
        assertThat(ExportNames.singular("")).isEmpty();
        assertThat(ExportNames.singular(null)).isEmpty();
    }

    @Test
    void semanticIdJoinsSingularCategoryNameAndVariant() {
        assertThat(ExportNames.semanticId(asset("Characters", "Farmer", "Jump (8-frame)")))
                .isEqualTo("character_farmer_jump_8frame");
        assertThat(ExportNames.semanticId(asset("Enemies", "Slime", "Default"))).isEqualTo("enemy_slime_default");
    }

    @Test
    void semanticIdSkipsEmptyPartsAndIsNeverEmpty() {
        assertThat(ExportNames.semanticId(asset("", "Rock", "Default"))).isEqualTo("rock_default");
        assertThat(ExportNames.semanticId(asset("Props", "", null))).isEqualTo("prop");
        assertThat(ExportNames.semanticId(asset("🔥", "🐉", "!!!"))).isEqualTo("asset");
        assertThat(ExportNames.semanticId(asset(null, null, null))).isEqualTo("asset");
    }

    @Test
    void slugFollowsTheRulesForEveryMixOfSeparatorsDroppedCharactersAndNonAsciiLetters() {
        String[] alphabet = {"a", "Z", "7", "_", "-", " ", "\t", "\u0085", "\u00a0", "\u2028", "\u3000", "\u001c",
                "\u0130", "\u212a", "\u03a3", "é", "&", "/", ".", "\ud83d\udc09", "\ud800", "\udc00"};
        Random random = new Random(20261202);
        for (int sample = 0; sample < SAMPLES; sample++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(ExportNames.slug(text.toString())).as("slug of %s", text).isEqualTo(slugByTheRules(text.toString()));
        }
    }

    @Test
    void whiteSpaceIsWhatUnicodeCallsWhiteSpace() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            boolean expected = UNICODE_WHITE_SPACE.matcher(Character.toString(codePoint)).matches();
            assertThat(ExportNames.isWhiteSpace(codePoint)).as("U+%04X", codePoint).isEqualTo(expected);
        }
    }

    @Test
    void aNameOfMegabytesGivesTheSameIdAsItsRulesSay() {
        assertThat(ExportNames.semanticId(asset("Props", "a".repeat(2 << 20), null)))
                .isEqualTo("prop_" + "a".repeat(ExportNames.MAX_ID_LENGTH - "prop_".length()));
        assertThat(ExportNames.semanticId(asset("Props", "\ud83d\udc09".repeat(1 << 20) + " Golden Dragon", "Idle")))
                .isEqualTo("prop_golden_dragon_idle");
        assertThat(ExportNames.folder("\u00a0".repeat(1 << 20) + "Sci-Fi Props " + "x".repeat(1 << 20)))
                .isEqualTo("sci-fi_props_" + "x".repeat(ExportNames.MAX_FOLDER_LENGTH - "sci-fi_props_".length()));
    }

    /** The slug rules as docs/plan-format.md states them, step by step. */
    private static String slugByTheRules(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String underscored = WHITE_SPACE_RUN.matcher(lower).replaceAll("_");
        String kept = NOT_ID_CHAR.matcher(underscored).replaceAll("");
        return UNDERSCORES_AT_THE_ENDS.matcher(UNDERSCORE_RUN.matcher(kept).replaceAll("_")).replaceAll("");
    }

    @Test
    void semanticIdIsShortEnoughForAFileName() {
        String id = ExportNames.semanticId(asset("Props", "very long name ".repeat(40), "Default"));

        assertThat(id).hasSizeLessThanOrEqualTo(ExportNames.MAX_ID_LENGTH).startsWith("prop_very_long_name")
                .doesNotEndWith("_");
    }

    @Test
    void folderIsSafeForEveryCategory() {
        assertThat(ExportNames.folder("Characters")).isEqualTo("characters");
        assertThat(ExportNames.folder("Items & Props")).isEqualTo("items_props");
        assertThat(ExportNames.folder("Heroes (Playable)")).isEqualTo("heroes_playable");
        assertThat(ExportNames.folder("Sci-Fi Props")).isEqualTo("sci-fi_props");
        assertThat(ExportNames.folder("# Sub")).isEqualTo("sub");
        assertThat(ExportNames.folder("../x")).isEqualTo("x");
        assertThat(ExportNames.folder("a/b")).isEqualTo("ab");
        assertThat(ExportNames.folder("..")).isEqualTo("uncategorized");
        assertThat(ExportNames.folder(".")).isEqualTo("uncategorized");
        assertThat(ExportNames.folder("")).isEqualTo("uncategorized");
        assertThat(ExportNames.folder(null)).isEqualTo("uncategorized");
        assertThat(ExportNames.folder("🎮 & #")).isEqualTo("uncategorized");
        assertThat(ExportNames.folder("C:\\Windows")).isEqualTo("cwindows");
        assertThat(ExportNames.folder("x".repeat(500))).hasSize(ExportNames.MAX_FOLDER_LENGTH);
    }
}
