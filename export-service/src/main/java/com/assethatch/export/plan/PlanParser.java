package com.assethatch.export.plan;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads the markdown asset plan into assets, following PLAN_FORMAT.md: structure comes from commonmark-java's
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
        Warnings warnings = new Warnings();
        if (markdown == null || markdown.isBlank()) {
            warnings.add("The plan is empty, so it has no assets");
            return new ParsedPlan(List.of(), warnings.list());
        }
        Node document = MARKDOWN.parse(markdown);
        List<PlanItem> items = new PlanOutline(warnings).read(document);
        AssetFactory factory = new AssetFactory(mode == null ? ParseMode.COMPOSITE : mode,
                projectId == null ? "" : projectId, warnings);
        List<PlannedAsset> assets = new ArrayList<>();
        for (PlanItem item : items) {
            assets.addAll(factory.assetsOf(item));
        }
        if (assets.isEmpty()) {
            warnings.add("The plan has no list items, so it has no assets; list each asset as '- Name' under a"
                    + " '## Category' heading");
        }
        return new ParsedPlan(assets, warnings.list());
    }
}
