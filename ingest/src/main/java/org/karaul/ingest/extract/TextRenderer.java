package org.karaul.ingest.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

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

    private static void append(Node node, StringBuilder sb) {
        if (node instanceof TextNode t) {
            Element parent = t.parent();
            boolean pre = parent != null && parent.closest("pre") != null;
            sb.append(pre ? t.getWholeText() : t.getWholeText().replaceAll("[\\s\\u00a0]+", " "));
            return;
        }
        if (!(node instanceof Element el)) {
            return;
        }
        String tag = el.normalName();
        if ("br".equals(tag)) {
            sb.append('\n');
            return;
        }
        boolean block = BLOCKS.contains(tag);
        if (block) {
            sb.append('\n');
        } else if ("td".equals(tag) || "th".equals(tag)) {
            sb.append(' ');
        }
        for (Node child : el.childNodes()) {
            append(child, sb);
        }
        if (block) {
            sb.append('\n');
        }
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
