package com.assethatch.export.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Reads the CommonMark tree of a plan into {@link PlanItem}s: headings of level 2 and deeper name the category,
 * each item of a top-level list is an asset, nested items are its variants or its metadata.
 */
final class PlanOutline {

    private static final Pattern METADATA = Pattern.compile(
            "^(description|animations|animation|notes|note|details|info):\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Items under these labels are the animations themselves, so they are variants without a second thought. */
    private static final Set<String> LABELS_LISTING_VARIANTS = Set.of("animations", "animation");
    /** Indented this far, the original app read a line as a variant; CommonMark may read it as an item of its own. */
    private static final int VARIANT_INDENT = 2;
    private static final int SEPARATOR_LENGTH = 3;

    private final Warnings warnings;

    PlanOutline(Warnings warnings) {
        this.warnings = warnings;
    }

    List<PlanItem> read(Node document) {
        List<PlanItem> items = new ArrayList<>();
        String category = "";
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading && heading.getLevel() >= 2) {
                category = PlainText.of(heading);
                warnIfSeparatorMadeAHeading(heading, category);
            } else if (block instanceof ListBlock list) {
                warnIfIndentedWithoutParent(list);
                for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof ListItem item) {
                        items.add(itemOf(item, category));
                    }
                }
            }
        }
        return items;
    }

    private PlanItem itemOf(ListItem item, String category) {
        Node nameBlock = textBlock(item);
        NestedItems nested = new NestedItems();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child != nameBlock) {
                child.accept(nested);
            }
        }
        return new PlanItem(category, PlainText.of(nameBlock), line(item), nested.variants, nested.notes);
    }

    private void warnIfIndentedWithoutParent(ListBlock list) {
        if (list.getFirstChild() instanceof ListItem first
                && first.getMarkerIndent() != null && first.getMarkerIndent() >= VARIANT_INDENT) {
            warnings.atLine(line(first), "'" + PlainText.of(textBlock(first)) + "' is indented but no list item"
                    + " above it can hold it, so it is an asset of its own, not a variant");
        }
    }

    /**
     * CommonMark reads {@code ---} right under a line of text as that line's heading underline, not as a
     * separator. That is easy to write by accident, and every item below then lands in a surprising category.
     * A real setext underline is usually as long as its text; a short one is most likely a separator.
     */
    private void warnIfSeparatorMadeAHeading(Heading heading, String category) {
        var spans = heading.getSourceSpans();
        if (spans != null && spans.size() > 1 && spans.get(spans.size() - 1).getLength() <= SEPARATOR_LENGTH) {
            warnings.atLine(line(heading), "'" + category + "' is followed by '---', which makes it a heading:"
                    + " the items below are in the category '" + category + "'. Leave a blank line before '---'"
                    + " if it is meant as a separator");
        }
    }

    /**
     * The item's first paragraph, whose text names it. A heading counts too: in CommonMark a lone '-' under
     * an item's first line turns that line into a setext heading ({@code - Crate\n  -}), and "Crate" is still
     * what the author called the item.
     */
    static Node textBlock(Node item) {
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph || child instanceof Heading) {
                return child;
            }
        }
        return null;
    }

    static int line(Node node) {
        var spans = node.getSourceSpans();
        return spans == null || spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    /** Walks everything nested in one asset item, in document order, sorting items into variants and notes. */
    private final class NestedItems extends AbstractVisitor {

        final List<PlanItem.Line> variants = new ArrayList<>();
        final Map<String, String> notes = new LinkedHashMap<>();
        /** Label of the closest enclosing metadata item, if any. */
        private String enclosingLabel;

        @Override
        public void visit(ListItem item) {
            String text = PlainText.of(textBlock(item));
            Matcher metadata = METADATA.matcher(text);
            String outerLabel = enclosingLabel;
            if (metadata.matches()) {
                enclosingLabel = metadata.group(1).toLowerCase(Locale.ROOT);
                addNote(enclosingLabel, metadata.group(2).strip());
            } else if (text.isEmpty()) {
                warnings.atLine(line(item), "an empty sub-item was ignored");
            } else {
                variants.add(new PlanItem.Line(text, line(item)));
                warnIfNoteLooksLikeVariant(item, text, outerLabel);
            }
            visitChildren(item);
            enclosingLabel = outerLabel;
        }

        @Override
        public void visit(Paragraph paragraph) {
            // Inline content holds no list items; skipping it keeps the walk linear in the number of blocks.
        }

        @Override
        public void visit(Heading heading) {
            // As for paragraphs.
        }

        private void addNote(String label, String value) {
            if (!value.isEmpty()) {
                notes.merge(label, value, (earlier, later) -> earlier + "\n" + later);
            }
        }

        private void warnIfNoteLooksLikeVariant(ListItem item, String text, String label) {
            if (label != null && !LABELS_LISTING_VARIANTS.contains(label)) {
                warnings.atLine(line(item), "'" + text + "' is nested under a '" + label + ":' item; it is read as"
                        + " a variant, not as part of the " + label);
            }
        }
    }
}
