package com.assethatch.export.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.assethatch.export.pack.ExportNames;
import com.assethatch.export.pack.UniqueNames;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated plans (fixed seed, so a failure reproduces) mixing headings, every kind of bullet and
 * indentation, tags, markers, unicode and random bytes: the parser never throws, ids are unique and every export
 * name is safe to unpack.
 */
class PlanParserPropertyTest {

    private static final long SEED = 20_240_601L;
    private static final int PLANS = 3000;
    private static final Pattern SAFE_PATH = Pattern.compile("[a-z0-9_-]+/[a-z0-9_-]+\\.png");
    private static final Pattern SEMANTIC_ID = Pattern.compile("[a-z0-9_]+");
    private static final Pattern ASSET_ID = Pattern.compile(
            "p-asset-\\d+(-(front|back|left|right|front_left|front_right|back_left|back_right))?");

    private static final String[] WORDS = {
        "Farmer", "Idle", "Walk", "Health_Potion", "**Bold**", "*em*", "`code`", "[link](u)", "Items & Props",
        "Description:", "**Notes:**", "Animations:", "info:", "(4-direction)", "(8-frame)", "(6 frames)",
        "(4 directions, 2-frame)", "((3-direction))", "(", ")", "[STATIC]", "[MOVEABLE:8]", "[ANIM:x]",
        "[MOVEABLE:99999999999]", "..", "../x", "a/b", "/", "\\", "#", "🐉", "🔥", "Ünïcödé", "日本語", "\u0000",
        "\u200B", "\t", "_", "__", "-", "---", "***", "<b>", "</b>", "&amp;", "|", ">", "Sky", "Button", "Water",
    };
    private static final String[] LINE_STARTS = {
        "", "", "- ", "* ", "+ ", "1. ", "2) ", "  - ", "    - ", "        * ", "\t- ", "   1. ", "## ", "### ",
        "# ", "###### ", "> ", "> - ", "    ", "```", "---", "===", "-", "  -", "|", "<div>", "",
    };
    private static final String[] LINE_ENDS = {"\n", "\n", "\n", "\r\n", "\r", "\n\n"};

    private final PlanParser parser = new PlanParser();

    @Test
    void generatedPlansNeverBreakTheParserOrTheExportNames() {
        Random random = new Random(SEED);
        for (int i = 0; i < PLANS; i++) {
            String markdown = randomPlan(random);
            ParseMode mode = random.nextBoolean() ? ParseMode.COMPOSITE : ParseMode.GRANULAR;
            assertThatCode(() -> checkPlan(markdown, mode))
                    .as("plan #%d (%s): %s", i, mode, markdown.length() > 2000 ? markdown.substring(0, 2000) : markdown)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void randomBytesNeverBreakTheParser() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < PLANS / 3; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            String markdown = new String(bytes, StandardCharsets.UTF_8);
            assertThatCode(() -> checkPlan(markdown, ParseMode.GRANULAR)).as("byte plan #%d", i)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theGeneratorProducesPlansWithAssetsVariantsAndGranularExpansions() {
        Random random = new Random(SEED);
        int assets = 0;
        int variants = 0;
        int directional = 0;
        for (int i = 0; i < 300; i++) {
            for (PlannedAsset asset : parser.parse(randomPlan(random), ParseMode.GRANULAR, "p").assets()) {
                assets++;
                variants += asset.variant().id().endsWith("-variant") && !"Default".equals(asset.variant().name())
                        ? 1 : 0;
                directional += asset.variant().direction() != null ? 1 : 0;
            }
        }
        assertThat(assets).isGreaterThan(1000);
        assertThat(variants).isGreaterThan(100);
        assertThat(directional).isGreaterThan(20);
    }

    private void checkPlan(String markdown, ParseMode mode) {
        ParsedPlan plan = parser.parse(markdown, mode, "p");
        Set<String> ids = new HashSet<>();
        UniqueNames names = new UniqueNames();
        Set<String> paths = new HashSet<>();
        for (PlannedAsset asset : plan.assets()) {
            assertThat(ids.add(asset.id())).as("unique id %s", asset.id()).isTrue();
            assertThat(asset.id()).matches(ASSET_ID);
            assertThat(asset.variant()).isNotNull();
            assertThat(asset.name()).isNotNull();
            assertThat(asset.category()).isNotNull();
            String semanticId = ExportNames.semanticId(asset);
            assertThat(semanticId).isNotEmpty().matches(SEMANTIC_ID);
            String path = names.claimPath(ExportNames.folder(asset.category()), semanticId, "png");
            assertSafe(path);
            assertThat(paths.add(path)).as("unique path %s", path).isTrue();
            assertThat(names.claimId(semanticId)).matches(SEMANTIC_ID);
        }
        assertThat(plan.warnings()).hasSizeLessThanOrEqualTo(Warnings.MAX_WARNINGS + 1);
    }

    private static void assertSafe(String path) {
        assertThat(path).matches(SAFE_PATH).doesNotStartWith("/").doesNotContain("\\", "//");
        for (String segment : path.split("/", -1)) {
            assertThat(segment).isNotEmpty().isNotEqualTo(".").isNotEqualTo("..");
        }
    }

    private static String randomPlan(Random random) {
        StringBuilder plan = new StringBuilder();
        int lines = 1 + random.nextInt(40);
        for (int i = 0; i < lines; i++) {
            plan.append(pick(random, LINE_STARTS));
            int words = random.nextInt(5);
            for (int w = 0; w < words; w++) {
                plan.append(random.nextInt(8) == 0 ? randomChars(random) : pick(random, WORDS));
                plan.append(random.nextInt(4) == 0 ? "" : " ");
            }
            plan.append(pick(random, LINE_ENDS));
        }
        return plan.toString();
    }

    private static String randomChars(Random random) {
        StringBuilder chars = new StringBuilder();
        int length = 1 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            chars.append((char) random.nextInt(random.nextBoolean() ? 128 : 0x10000));
        }
        return chars.toString();
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
