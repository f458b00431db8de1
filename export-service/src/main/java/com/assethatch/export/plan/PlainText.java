package com.assethatch.export.plan;

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

    private final StringBuilder text = new StringBuilder();

    static String of(Node node) {
        if (node == null) {
            return "";
        }
        PlainText visitor = new PlainText();
        node.accept(visitor);
        return collapse(visitor.text);
    }

    /** Runs of whitespace (Unicode spaces included) become one space; none at the ends. */
    static String collapse(CharSequence raw) {
        StringBuilder collapsed = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = !collapsed.isEmpty();
            } else {
                if (pendingSpace) {
                    collapsed.append(' ');
                    pendingSpace = false;
                }
                collapsed.append(c);
            }
        }
        return collapsed.toString();
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
