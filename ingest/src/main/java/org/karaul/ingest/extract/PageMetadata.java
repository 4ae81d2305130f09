package org.karaul.ingest.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.karaul.ingest.feed.FeedDates;
import org.karaul.ingest.fetch.UrlCanonicalizer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Title, publication time, author, language and canonical URL from a page's markup. */
final class PageMetadata {
    private static final String[] DATE_META = {"article:published_time", "og:published_time", "datePublished",
        "pubdate", "publishdate", "publish-date", "publication_date", "date", "dc.date", "dc.date.issued",
        "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "cXenseParse:recs:publishtime",
        "og:article:published_time", "mediator_published_time", "article:modified_time", "dateModified"};
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d\\d)[/-](\\d{1,2})[/-](\\d{1,2})(?:/|\\b)");
    private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s+[|\\-–—:·»«/]\\s+");

    private PageMetadata() {
    }

    static String title(Document doc, JsonLd ld) {
        String docTitle = doc.title().trim();
        String og = meta(doc, "og:title").or(() -> meta(doc, "twitter:title")).orElse(null);
        for (Element h1 : doc.select("h1")) {
            String h = h1.text().trim();
            if (h.length() > 5 && (docTitle.contains(h) || og != null && og.contains(h))) {
                return h;
            }
        }
        if (og != null) {
            return og;
        }
        Optional<String> headline = ld.find("headline");
        if (headline.isPresent()) {
            return headline.get();
        }
        return stripSiteName(docTitle);
    }

    private static String stripSiteName(String title) {
        String[] parts = TITLE_SEPARATORS.split(title);
        if (parts.length < 2) {
            return title;
        }
        String longest = parts[0];
        for (String p : parts) {
            longest = p.length() > longest.length() ? p : longest;
        }
        return longest.split("\\s+").length >= 3 ? longest : title;
    }

    static Instant published(Document doc, JsonLd ld, String url) {
        Optional<Instant> fromLd = ld.find("datePublished").flatMap(FeedDates::parse)
                .or(() -> ld.find("dateCreated").flatMap(FeedDates::parse));
        if (fromLd.isPresent()) {
            return fromLd.get();
        }
        for (String name : DATE_META) {
            Optional<Instant> t = meta(doc, name).flatMap(FeedDates::parse);
            if (t.isPresent()) {
                return t.get();
            }
        }
        for (Element time : doc.select("time[datetime], [itemprop=datePublished][content]")) {
            String v = time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content");
            Optional<Instant> t = FeedDates.parse(v);
            if (t.isPresent()) {
                return t.get();
            }
        }
        return url == null ? null : fromUrl(url);
    }

    static Instant fromUrl(String url) {
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException notADate) {
            return null;
        }
    }

    static String author(Document doc, JsonLd ld) {
        return ld.find("author")
                .or(() -> meta(doc, "author"))
                .or(() -> meta(doc, "article:author").filter(a -> !a.startsWith("http")))
                .or(() -> Optional.ofNullable(doc.selectFirst("[rel=author], [itemprop=author], .byline, .author"))
                        .map(Element::text).filter(t -> !t.isBlank() && t.length() < 120))
                .orElse(null);
    }

    static String lang(Document doc, JsonLd ld, String text) {
        Element html = doc.selectFirst("html");
        String declared = html == null ? null : LanguageGuess.normalize(html.attr("lang"));
        if (declared == null) {
            declared = LanguageGuess.normalize(meta(doc, "content-language").orElse(null));
        }
        if (declared == null) {
            declared = LanguageGuess.normalize(ld.find("inLanguage").or(() -> meta(doc, "og:locale")).orElse(null));
        }
        return declared != null ? declared : LanguageGuess.fromText(text);
    }

    static String canonical(Document doc, String url) {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        String href = link != null ? link.attr("href") : meta(doc, "og:url").orElse(null);
        if (href != null) {
            Optional<String> c = url == null ? UrlCanonicalizer.canonicalize(href) : UrlCanonicalizer.resolve(url, href);
            if (c.isPresent()) {
                return c.get();
            }
        }
        return url == null ? null : UrlCanonicalizer.canonicalize(url).orElse(url);
    }

    static Optional<String> meta(Document doc, String name) {
        for (Element m : doc.select("meta[content]")) {
            for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                if (m.attr(attr).equalsIgnoreCase(name) && !m.attr("content").isBlank()) {
                    return Optional.of(m.attr("content").trim());
                }
            }
        }
        return Optional.empty();
    }
}
