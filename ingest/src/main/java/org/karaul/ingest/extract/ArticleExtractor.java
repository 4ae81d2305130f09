package org.karaul.ingest.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.karaul.ingest.feed.FeedDates;

import java.time.Instant;
import java.util.List;

/**
 * Article pages to {@link Article}s. Generic extraction (readability-style scoring) unless per-site selectors
 * say where things are. Stateless and thread-safe.
 */
public final class ArticleExtractor {
    private static final int MIN_TEXT = 250;

    /** Extracts from raw bytes, choosing the charset from header, BOM, meta or detection. */
    public Article extract(byte[] body, String headerCharset, String url, SiteSelectors selectors) {
        return extract(HtmlDecoder.decode(body, headerCharset), url, selectors);
    }

    public Article extract(String html, String url, SiteSelectors selectors) {
        Document doc = Jsoup.parse(html, url == null ? "" : url);
        JsonLd ld = JsonLd.of(doc);
        String title = selected(doc, selectors.title()).orElseGet(() -> PageMetadata.title(doc, ld));
        Instant published = selectedTime(doc, selectors.published());
        if (published == null) {
            published = PageMetadata.published(doc, ld, url);
        }
        String author = PageMetadata.author(doc, ld);
        String canonical = PageMetadata.canonical(doc, url);
        String text = selectors.body() != null ? selectedBody(doc, selectors) : null;
        if (text == null || text.isEmpty()) {
            text = genericText(doc);
        }
        return new Article(canonical, title, text, published, author, PageMetadata.lang(doc, ld, text));
    }

    public Article extract(String html, String url) {
        return extract(html, url, SiteSelectors.NONE);
    }

    private static String genericText(Document original) {
        String best = "";
        for (boolean strict : new boolean[] {true, false}) {
            Document doc = original.clone();
            BoilerplateFilter.strip(doc, strict);
            List<Element> content = MainContent.find(doc);
            ContentCleaner.clean(content);
            String text = TextRenderer.render(content);
            if (text.length() >= MIN_TEXT) {
                return text;
            }
            best = text.length() > best.length() ? text : best;
        }
        if (best.isEmpty() && original.body() != null) {
            Document doc = original.clone();
            BoilerplateFilter.strip(doc, false);
            return TextRenderer.render(doc.body());
        }
        return best;
    }

    private static String selectedBody(Document doc, SiteSelectors s) {
        Elements body = doc.select(s.body());
        if (s.remove() != null) {
            body.select(s.remove()).remove();
        }
        return TextRenderer.render(body);
    }

    private static java.util.Optional<String> selected(Document doc, String css) {
        if (css == null) {
            return java.util.Optional.empty();
        }
        Element e = doc.selectFirst(css);
        return e == null || e.text().isBlank() ? java.util.Optional.empty() : java.util.Optional.of(e.text().trim());
    }

    private static Instant selectedTime(Document doc, String css) {
        if (css == null) {
            return null;
        }
        Element e = doc.selectFirst(css);
        if (e == null) {
            return null;
        }
        String v = e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text();
        return FeedDates.parse(v).orElse(null);
    }
}
