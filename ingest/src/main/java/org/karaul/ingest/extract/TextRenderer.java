package org.karaul.ingest.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/** Plain text of an element as a reader sees it: one line per block, inline text joined, spaces collapsed. */
final class TextRenderer {
    static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer", "aside",
            "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table",
            "tr", "td", "th", "thead", "tbody", "figure", "figcaption", "hr", "address", "details", "summary",
            "center", "form", "fieldset", "nav", "caption");

    private TextRenderer() {
    }

    static String render(Iterable<Element> elements) {
        StringBuilder sb = new StringBuilder();
        for (Element e : elements) {
            append(e, sb);
            sb.append('\n');
        }
        return tidy(sb);
    }

    static String render(Element e) {
        StringBuilder sb = new StringBuilder();
        append(e, sb);
        return tidy(sb);
    }

    /** Walks iteratively (jsoup's traversor), so absurdly deep markup cannot overflow the stack. */
    private static void append(Element root, StringBuilder sb) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    Element parent = t.parent();
                    boolean pre = parent != null && parent.closest("pre") != null;
                    sb.append(pre ? t.getWholeText() : t.getWholeText().replaceAll("[\\s\\u00a0]+", " "));
                } else if (node instanceof Element el && ("br".equals(el.normalName()) || isBlock(el))) {
                    sb.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el && isBlock(el)) {
                    sb.append('\n');
                }
            }
        }, root);
    }

    private static boolean isBlock(Element el) {
        return BLOCKS.contains(el.normalName());
    }

    private static String tidy(CharSequence raw) {
        StringBuilder out = new StringBuilder();
        for (String line : raw.toString().split("\n")) {
            String l = line.replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f\\r\\u200b]+", " ").trim();
            if (!l.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(l);
            }
        }
        return out.toString();
    }
}
