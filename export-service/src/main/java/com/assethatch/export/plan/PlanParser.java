package com.assethatch.export.plan;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads the markdown asset plan into assets, following docs/plan-format.md: structure comes from commonmark-java's
 * syntax tree, ids and fields match the original TypeScript parser. Stateless and thread-safe; also usable as
 * {@code new PlanParser()}.
 */
@ApplicationScoped
public class PlanParser {

    /**
     * Nesting deeper than this is read as text. Real plans nest two or three levels; the limits keep the
     * recursive tree walks far from the stack's end whatever the input.
     */
    static final int MAX_OPEN_BLOCKS = 64;
    static final int MAX_INLINE_NESTING = 64;

    /** commonmark-java parsers are immutable and safe to share between threads. */
    private static final Parser MARKDOWN = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .maxOpenBlockParsers(MAX_OPEN_BLOCKS)
            .maxInlineNesting(MAX_INLINE_NESTING)
            .build();

    /**
     * Never throws on any text.
     *
     * @param markdown  the plan; null reads as an empty plan
     * @param mode      null means {@link ParseMode#COMPOSITE}
     * @param projectId prefix of the asset ids; null reads as ""
     */
    public ParsedPlan parse(String markdown, ParseMode mode, String projectId) {
        ParseMode wanted = mode == null ? ParseMode.COMPOSITE : mode;
        Warnings warnings = new Warnings();
        Warnings directionWarnings = wanted == ParseMode.GRANULAR ? warnings : new Warnings();
        List<PlannedAsset> assets = new ArrayList<>();
        AssetFactory factory = new AssetFactory(projectId == null ? "" : projectId, warnings, directionWarnings);
        for (PlanItem item : items(markdown, warnings)) {
            assets.addAll(factory.assetsOf(item, wanted));
        }
        warnIfEmpty(markdown, assets.isEmpty(), warnings);
        return new ParsedPlan(assets, warnings.list());
    }

    /**
     * The plan in both modes at once, as the export needs it. Its warnings are those of composite mode followed by
     * those only granular mode gives. Never throws on any text.
     */
    public ExportOrder exportOrder(String markdown, String projectId) {
        Warnings warnings = new Warnings();
        Warnings directionWarnings = new Warnings();
        List<ExportOrder.Entry> entries = new ArrayList<>();
        AssetFactory factory = new AssetFactory(projectId == null ? "" : projectId, warnings, directionWarnings);
        for (PlanItem item : items(markdown, warnings)) {
            entries.addAll(factory.entriesOf(item));
        }
        warnIfEmpty(markdown, entries.isEmpty(), warnings);
        List<String> all = new ArrayList<>(warnings.list());
        all.addAll(directionWarnings.list());
        return new ExportOrder(entries, all);
    }

    private static List<PlanItem> items(String markdown, Warnings warnings) {
        if (markdown == null || markdown.isBlank()) {
            return List.of();
        }
        return new PlanOutline(warnings).read(MARKDOWN.parse(markdown));
    }

    private static void warnIfEmpty(String markdown, boolean noAssets, Warnings warnings) {
        if (markdown == null || markdown.isBlank()) {
            warnings.add("The plan is empty, so it has no assets");
        } else if (noAssets) {
            warnings.add("The plan has no list items, so it has no assets; list each asset as '- Name' under a"
                    + " '## Category' heading");
        }
    }
}
