package com.assethatch.export.pack;

import com.assethatch.export.plan.PlannedAsset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File and id names of exported assets (docs/plan-format.md, "Export names"). Every result is made only of
 * {@code [a-z0-9_-]}, so no name can climb out of its folder, hide as a dot file or nest a directory.
 */
public final class ExportNames {

    /** Used when a category, name and variant all slug to nothing (emoji, punctuation, non-Latin script). */
    public static final String FALLBACK_ID = "asset";
    public static final String FALLBACK_FOLDER = "uncategorized";
    /** Keeps "folder/id_NN.ext" well inside the 255-byte file name limit of common file systems. */
    static final int MAX_ID_LENGTH = 120;
    static final int MAX_FOLDER_LENGTH = 60;

    /** U+0085, white space in Unicode but neither a Java space char nor in the ASCII range. */
    private static final int NEXT_LINE = 0x85;
    private static final Pattern NOT_FILE_CHAR = Pattern.compile("[^A-Za-z0-9_-]+");
    private static final Pattern UNDERSCORES = Pattern.compile("_{2,}");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private ExportNames() {
    }

    /** Lower-case; whitespace runs become '_'; anything outside [a-z0-9_] goes; '_' runs collapse; no '_' at the ends. */
    public static String slug(String text) {
        return clean(text, false, Integer.MAX_VALUE);
    }

    /** slug(singular(category)) _ slug(name) _ slug(variant name), empty parts skipped; never empty. */
    public static String semanticId(PlannedAsset asset) {
        StringJoiner id = new StringJoiner("_");
        addIfPresent(id, clean(singular(asset.category()), false, MAX_ID_LENGTH));
        addIfPresent(id, clean(asset.name(), false, MAX_ID_LENGTH));
        addIfPresent(id, asset.variant() == null ? "" : clean(asset.variant().name(), false, MAX_ID_LENGTH));
        String joined = truncate(id.toString(), MAX_ID_LENGTH);
        return joined.isEmpty() ? FALLBACK_ID : joined;
    }

    /** An asset id the plan does not list, as a file name: letters, digits, '_' and '-' only, never empty. */
    public static String unplanned(String assetId) {
        String cleaned = NOT_FILE_CHAR.matcher(assetId == null ? "" : assetId).replaceAll("_");
        cleaned = UNDERSCORES.matcher(cleaned).replaceAll("_");
        if (cleaned.length() > MAX_ID_LENGTH) {
            cleaned = cleaned.substring(0, MAX_ID_LENGTH);
        }
        cleaned = trimUnderscores(cleaned);
        return cleaned.isEmpty() ? FALLBACK_ID : cleaned;
    }

    /** Like slug but keeps '-'; never empty, never "." or "..", never containing '/'. */
    public static String folder(String category) {
        String folder = truncate(clean(category, true, MAX_FOLDER_LENGTH), MAX_FOLDER_LENGTH);
        return folder.isEmpty() ? FALLBACK_FOLDER : folder;
    }

    /**
     * The category in the singular, lower-cased, word by word: regular English plurals and the common irregular
     * ones ({@code Items & Props} → {@code item & prop}, {@code Enemies} → {@code enemy}, {@code Mice} →
     * {@code mouse}); words that are already singular or have no singular ({@code Status}, {@code Glass},
     * {@code Data}, {@code Series}) stay. Characters between words are kept.
     */
    public static String singular(String category) {
        if (category == null) {
            return "";
        }
        Matcher words = WORD.matcher(category.toLowerCase(Locale.ROOT));
        return words.replaceAll(word -> Matcher.quoteReplacement(Singular.of(word.group())));
    }

    /**
     * The slug rules in one pass that stops once {@code maxLength} characters are made, so a name taken from a
     * plan of many megabytes costs what its first characters cost (the rest could only be cut off). The result is
     * always a prefix of the whole text's slug. Lower-casing code point by code point gives the same letters as
     * lower-casing the whole text: the only context-dependent rule (final sigma) makes no [a-z] letter.
     */
    private static String clean(String text, boolean keepHyphens, int maxLength) {
        if (text == null) {
            return "";
        }
        StringBuilder name = new StringBuilder(Math.min(text.length(), maxLength));
        boolean separated = false; // whitespace or '_' since the last kept character
        for (int i = 0; i < text.length() && name.length() < maxLength; ) {
            int original = text.codePointAt(i);
            i += Character.charCount(original);
            int c = Character.toLowerCase(original);
            if (c == '_' || isWhiteSpace(c)) {
                separated = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (keepHyphens && c == '-')) {
                if (separated && !name.isEmpty()) {
                    name.append('_');
                }
                name.append((char) c);
                separated = false;
            }
        }
        return name.toString();
    }

    /** Unicode's White_Space property, what {@code \s} matches in {@link Pattern#UNICODE_CHARACTER_CLASS} mode. */
    static boolean isWhiteSpace(int codePoint) {
        return Character.isSpaceChar(codePoint) || (codePoint >= '\t' && codePoint <= '\r') || codePoint == NEXT_LINE;
    }

    private static String truncate(String name, int maxLength) {
        return name.length() <= maxLength ? name : trimUnderscores(name.substring(0, maxLength));
    }

    private static String trimUnderscores(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '_') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '_') {
            end--;
        }
        return text.substring(start, end);
    }

    private static void addIfPresent(StringJoiner joiner, String part) {
        if (!part.isEmpty()) {
            joiner.add(part);
        }
    }

    /** English singulars of one lower-case word, rule by rule; plurals it cannot tell stay as they are. */
    static final class Singular {

        /** No singular, or already singular although ending in s. */
        private static final Set<String> UNCHANGED = Set.of(
                "data", "media", "series", "species", "news", "sheep", "fish", "deer", "moose", "aircraft",
                "spacecraft", "equipment", "information", "physics", "mathematics", "economics", "ethics",
                "athletics", "gymnastics", "chaos", "kudos", "cosmos", "ethos", "thermos", "asbestos", "corps",
                "means", "barracks", "headquarters", "crossroads", "gallows", "clothes", "pants", "trousers",
                "jeans", "scissors", "shorts", "lens", "dice", "swine", "bison", "offspring", "yes", "this",
                "gas", "atlas", "canvas", "alias", "bias", "christmas", "pancreas", "always", "perhaps");
        private static final Map<String, String> IRREGULAR = Map.ofEntries(
                Map.entry("people", "person"), Map.entry("men", "man"), Map.entry("women", "woman"),
                Map.entry("children", "child"), Map.entry("mice", "mouse"), Map.entry("lice", "louse"),
                Map.entry("geese", "goose"), Map.entry("teeth", "tooth"), Map.entry("feet", "foot"),
                Map.entry("oxen", "ox"), Map.entry("criteria", "criterion"), Map.entry("phenomena", "phenomenon"),
                Map.entry("cacti", "cactus"), Map.entry("fungi", "fungus"), Map.entry("radii", "radius"),
                Map.entry("nuclei", "nucleus"), Map.entry("stimuli", "stimulus"), Map.entry("alumni", "alumnus"),
                Map.entry("leaves", "leaf"), Map.entry("knives", "knife"), Map.entry("wolves", "wolf"),
                Map.entry("elves", "elf"), Map.entry("dwarves", "dwarf"), Map.entry("halves", "half"),
                Map.entry("lives", "life"), Map.entry("wives", "wife"), Map.entry("thieves", "thief"),
                Map.entry("loaves", "loaf"), Map.entry("shelves", "shelf"), Map.entry("calves", "calf"),
                Map.entry("scarves", "scarf"), Map.entry("staves", "staff"), Map.entry("hooves", "hoof"),
                Map.entry("selves", "self"), Map.entry("werewolves", "werewolf"), Map.entry("crises", "crisis"),
                Map.entry("analyses", "analysis"), Map.entry("theses", "thesis"), Map.entry("oases", "oasis"),
                Map.entry("diagnoses", "diagnosis"), Map.entry("hypotheses", "hypothesis"),
                Map.entry("parentheses", "parenthesis"), Map.entry("axes", "axe"), Map.entry("pickaxes", "pickaxe"),
                Map.entry("battleaxes", "battleaxe"), Map.entry("quizzes", "quiz"), Map.entry("lenses", "lens"),
                Map.entry("indices", "index"), Map.entry("vertices", "vertex"), Map.entry("matrices", "matrix"),
                Map.entry("appendices", "appendix"), Map.entry("gases", "gas"), Map.entry("atlases", "atlas"),
                Map.entry("canvases", "canvas"), Map.entry("aliases", "alias"), Map.entry("biases", "bias"));
        /** Singular ends in -ie, so -ies loses only the s. */
        private static final Set<String> IE_NOUNS = Set.of(
                "zombies", "movies", "cookies", "rookies", "goalies", "brownies", "pixies", "hippies", "calories",
                "smoothies", "selfies", "genies", "hoodies", "newbies", "veggies", "beanies", "birdies", "bookies",
                "aunties", "sorties", "prairies", "walkies", "boogies", "kiddies", "techies", "yuppies", "freebies");
        /** Singular ends in -o and its plural in -oes. */
        private static final Set<String> OES_NOUNS = Set.of(
                "heroes", "potatoes", "tomatoes", "echoes", "volcanoes", "torpedoes", "mosquitoes", "dominoes",
                "tornadoes", "vetoes", "mangoes", "buffaloes", "cargoes", "embargoes", "grottoes", "haloes",
                "mottoes", "superheroes", "antiheroes");
        /** Singular ends in -e after ch/x, so the plural loses only the s. */
        private static final Set<String> E_AFTER_CH_OR_X = Set.of(
                "caches", "niches", "quiches", "cliches", "headaches", "mustaches", "moustaches", "earaches",
                "toothaches", "backaches", "creches", "panaches", "stomachaches", "annexes");
        /** Singular ends in -use, not -us. */
        private static final Set<String> USE_NOUNS = Set.of(
                "uses", "fuses", "muses", "ruses", "abuses", "excuses", "refuses", "accuses", "amuses", "recluses",
                "misuses", "reuses", "peruses");
        /** Singular ends in -men although it looks like a plural of -man. */
        private static final Set<String> MEN_SINGULARS = Set.of(
                "omen", "specimen", "abdomen", "stamen", "ramen", "amen", "hymen", "lumen", "regimen", "yemen",
                "semen", "acumen", "cyclamen", "dolmen");

        private Singular() {
        }

        static String of(String word) {
            if (word.length() <= 2 || UNCHANGED.contains(word)) {
                return word;
            }
            String irregular = IRREGULAR.get(word);
            if (irregular != null) {
                return irregular;
            }
            if (word.endsWith("people")) {
                return cut(word, "people".length()) + "person";
            }
            if (word.endsWith("men") && !MEN_SINGULARS.contains(word)) {
                return cut(word, 3) + "man";
            }
            if (word.endsWith("children")) {
                return cut(word, "ren".length());
            }
            if (word.endsWith("wolves") || word.endsWith("knives")) {
                return cut(word, 3) + (word.endsWith("wolves") ? "f" : "fe");
            }
            return word.endsWith("s") ? withoutPluralS(word) : word;
        }

        private static String withoutPluralS(String word) {
            if (word.endsWith("ss") || word.endsWith("us") || (word.endsWith("is") && word.length() > 3)) {
                return word; // glass, status, bonus, axis
            }
            if (word.endsWith("ies")) {
                return IE_NOUNS.contains(word) || word.length() <= 4 ? cut(word, 1) : cut(word, 3) + "y";
            }
            if (word.endsWith("oes")) {
                return OES_NOUNS.contains(word) ? cut(word, 2) : cut(word, 1);
            }
            if (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes")
                    || word.endsWith("zzes")) {
                return E_AFTER_CH_OR_X.contains(word) ? cut(word, 1) : cut(word, 2);
            }
            if (word.endsWith("uses") && !USE_NOUNS.contains(word)
                    && !word.endsWith("ouses") && !word.endsWith("auses")) {
                return cut(word, 2); // buses, bonuses, statuses, viruses
            }
            return cut(word, 1);
        }

        private static String cut(String word, int count) {
            return word.substring(0, word.length() - count);
        }
    }
}
