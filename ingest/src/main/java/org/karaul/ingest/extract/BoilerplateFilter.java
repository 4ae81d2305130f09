package org.karaul.ingest.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Removes what is never article text: scripts, chrome (nav, aside, footer), hidden and clearly-unlikely blocks. */
final class BoilerplateFilter {
    static final Pattern UNLIKELY = Pattern.compile("(?i)-ad-|^ad-|\\bads?\\b|banner|breadcrumb|combx|comment|"
            + "community|cover-wrap|disqus|extra|foot|gdpr|header|legends|menu|related|remark|replies|rss|"
            + "shoutbox|sidebar|skyscraper|social|sponsor|supplemental|popup|yom-remote|\\bshare\\b|share-|sharing(?!-with)|sharethis|addthis|"
            + "newsletter|subscribe|promo|cookie|consent|outbrain|taboola|recommend|most-?read|popular|"
            + "signup|widget|navbar|masthead|toolbar|pagination|pager|tags?\\b|byline|author-?bio|print");
    static final Pattern MAYBE = Pattern.compile("(?i)and|article|body|column|content|main|shadow|story|"
            + "entry|post|text");

    private BoilerplateFilter() {
    }

    static void strip(Document doc, boolean removeUnlikely) {
        doc.select("script, style, noscript, template, iframe, svg, canvas, object, embed, form input, button, "
                + "select, textarea, nav, aside, footer, link, meta").remove();
        doc.select("[hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none], "
                + "[style~=(?i)visibility\\s*:\\s*hidden]").remove();
        doc.select("[role=navigation], [role=complementary], [role=banner], [role=contentinfo], "
                + "[role=dialog], [role=alert]").remove();
        if (removeUnlikely) {
            removeUnlikely(doc);
        }
    }

    private static void removeUnlikely(Document doc) {
        List<Element> doomed = new ArrayList<>();
        for (Element e : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            String tag = e.normalName();
            if ("body".equals(tag) || "html".equals(tag) || "article".equals(tag) || "main".equals(tag)
                    || "a".equals(tag) || "p".equals(tag)) {
                continue;
            }
            String match = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
            if (match.isBlank()) {
                continue;
            }
            if (UNLIKELY.matcher(match).find() && !MAYBE.matcher(match).find() && !hasArticleAncestorTag(e)) {
                doomed.add(e);
            }
        }
        doomed.forEach(Element::remove);
    }

    private static boolean hasArticleAncestorTag(Element e) {
        return "table".equals(e.normalName()) || "tbody".equals(e.normalName()) || "tr".equals(e.normalName());
    }
}
