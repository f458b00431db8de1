package com.assethatch.export.plan;

import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The text a reader sees in a heading or paragraph: markup gone, links and images reduced to their text,
 * code spans to their content, inline HTML tags dropped, whitespace collapsed to single spaces.
 */
final class PlainText extends AbstractVisitor {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final StringBuilder text = new StringBuilder();

    static String of(Node node) {
        if (node == null) {
            return "";
        }
        PlainText visitor = new PlainText();
        node.accept(visitor);
        return collapse(visitor.text);
    }

    static String collapse(CharSequence raw) {
        return WHITESPACE.matcher(raw).replaceAll(" ").strip();
    }

    @Override
    public void visit(Text node) {
        text.append(node.getLiteral());
    }

    @Override
    public void visit(Code node) {
        text.append(node.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak node) {
        text.append(' ');
    }

    @Override
    public void visit(HardLineBreak node) {
        text.append(' ');
    }

    @Override
    public void visit(HtmlInline node) {
        // A tag such as <b> is markup, not part of the name.
    }
}
