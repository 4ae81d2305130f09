package org.karaul.ingest.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the article body by readability-style scoring: every paragraph-like block scores by length and commas;
 * the score flows to its ancestors (halving with distance); the best ancestor, discounted by link density, wins,
 * and siblings that look like more of the same are kept with it.
 */
final class MainContent {
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|hentry|h-entry|main|"
            + "page|pagination|post|text|blog|story|paragraph|prose|rich-?text");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|"
            + "comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|"
            + "\\bshare\\b|share-|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|caption|credit|newsletter");
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote", "li", "h2", "h3", "h4",
            "dd");
    private static final Pattern COMMAS = Pattern.compile("[,，、،]");

    private final Map<Element, Double> scores = new IdentityHashMap<>();

    private MainContent() {
    }

    /** The elements holding the article body, in document order; empty when the page has no text to speak of. */
    static List<Element> find(Document doc) {
        return new MainContent().run(doc);
    }

    private List<Element> run(Document doc) {
        if (doc.body() == null) {
            return List.of();
        }
        for (Element block : textBlocks(doc.body())) {
            scoreBlock(block);
        }
        Optional<Element> top = best();
        if (top.isEmpty()) {
            return List.of();
        }
        return withSiblings(expand(climb(sharedAncestor(top.get()))));
    }

    /**
     * Widens the choice to an ancestor when that ancestor holds clearly more paragraph text (long, link-poor
     * paragraphs): articles split into sections several levels apart.
     */
    private static Element expand(Element top) {
        Element best = top;
        int bestText = paragraphText(top);
        int level = 0;
        for (Element p = top.parent(); p != null && !"body".equals(p.normalName()) && level < 8; p = p.parent()) {
            level++;
            int t = paragraphText(p);
            if (t >= bestText * 1.25 + 300 && linkDensity(p) < 0.3) {
                best = p;
                bestText = t;
            }
        }
        return best;
    }

    private static int paragraphText(Element e) {
        int n = 0;
        for (Element p : e.select("p")) {
            String t = p.text();
            if (t.length() >= 80 && linkDensity(p) < 0.3) {
                n += t.length();
            }
        }
        return n;
    }

    /**
     * When several near-best candidates sit under one ancestor, the article is split in sections and the
     * ancestor is the article (readability's "alternative candidates" rule).
     */
    private Element sharedAncestor(Element top) {
        double topScore = scores.get(top);
        List<Element> alternatives = scores.entrySet().stream()
                .filter(e -> e.getKey() != top && e.getValue() >= topScore * 0.75)
                .sorted(Map.Entry.<Element, Double>comparingByValue().reversed())
                .limit(4).map(Map.Entry::getKey).toList();
        if (alternatives.size() < 3) {
            return top;
        }
        for (Element p = top.parent(); p != null && !"body".equals(p.normalName()); p = p.parent()) {
            Element ancestor = p;
            long inside = alternatives.stream().filter(a -> a.parents().contains(ancestor)).count();
            if (inside >= 3) {
                return ancestor;
            }
        }
        return top;
    }

    /** Paragraph-like elements: the usual tags, and divs or spans holding text directly. */
    private static List<Element> textBlocks(Element body) {
        List<Element> out = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            String tag = e.normalName();
            if (PARAGRAPHS.contains(tag) || ("div".equals(tag) || "section".equals(tag)) && ownText(e) >= 25) {
                out.add(e);
            }
        }
        return out;
    }

    private static int ownText(Element e) {
        int n = 0;
        for (Node c : e.childNodes()) {
            if (c instanceof TextNode t) {
                n += t.text().trim().length();
            } else if (c instanceof Element ce && !TextRenderer.BLOCKS.contains(ce.normalName())) {
                n += ce.text().length();
            }
        }
        return n;
    }

    private void scoreBlock(Element block) {
        boolean textContainer = block.normalName().equals("div") || block.normalName().equals("section");
        String text = textContainer ? ownTextString(block) : block.text();
        if (text.length() < 25) {
            return;
        }
        double score = 1 + COMMAS.matcher(text).results().count() + Math.min(text.length() / 100, 3);
        // Loose text in a div is a paragraph whose parent is that div (readability wraps it in a <p>).
        Element ancestor = textContainer ? block : block.parent();
        for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
            if ("html".equals(ancestor.normalName())) {
                break;
            }
            double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
            scores.merge(ancestor, initial(ancestor) + score * share, (old, add) -> old + score * share);
        }
    }

    private static String ownTextString(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node c : e.childNodes()) {
            if (c instanceof TextNode t) {
                sb.append(t.text());
            } else if (c instanceof Element ce && !TextRenderer.BLOCKS.contains(ce.normalName())) {
                sb.append(ce.text());
            }
        }
        return sb.toString().trim();
    }

    private static double initial(Element e) {
        double s = switch (e.normalName()) {
            case "article" -> 10;
            case "div", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return s + classWeight(e);
    }

    static double classWeight(Element e) {
        double w = 0;
        for (String v : new String[] {e.className(), e.id()}) {
            if (v.isEmpty()) {
                continue;
            }
            String s = v.toLowerCase(Locale.ROOT);
            w += NEGATIVE.matcher(s).find() ? -25 : 0;
            w += POSITIVE.matcher(s).find() ? 25 : 0;
        }
        return w;
    }

    private Optional<Element> best() {
        Element top = null;
        double topScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - linkDensity(e.getKey()));
            scores.put(e.getKey(), s);
            if (s > topScore) {
                topScore = s;
                top = e.getKey();
            }
        }
        return Optional.ofNullable(top);
    }

    /** When the parent holds clearly more good text than the winner alone, the article is the parent. */
    private Element climb(Element top) {
        Element current = top;
        double score = scores.getOrDefault(top, 0.0);
        for (Element p = top.parent(); p != null && !"body".equals(p.normalName()); p = p.parent()) {
            double ps = scores.getOrDefault(p, 0.0);
            if (ps < score * 0.75) {
                break;
            }
            if (ps > score) {
                current = p;
                score = ps;
            }
        }
        return current;
    }

    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double topScore = scores.getOrDefault(top, 0.0);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> kept = new ArrayList<>();
        for (Element sib : parent.children()) {
            if (sib == top || scores.getOrDefault(sib, 0.0) >= threshold || looksLikeParagraph(sib)) {
                kept.add(sib);
            }
        }
        return kept;
    }

    private static boolean looksLikeParagraph(Element e) {
        if (!"p".equals(e.normalName())) {
            return false;
        }
        String text = e.text();
        double ld = linkDensity(e);
        return text.length() > 80 && ld < 0.25 || text.length() > 0 && ld == 0 && text.matches("(?s).*[.!?。]\\s*$");
    }

    static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1.0, (double) links / total);
    }
}
