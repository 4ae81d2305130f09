package org.karaul.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * An RSS 2.0 or Atom feed read with Jsoup's XML parser. When asked to, fetches each entry's page and takes the
 * paragraphs of its {@code <article>} (or body) as the text; otherwise the entry's summary is the text.
 */
public final class RssSource implements Source {
    private final SourceSpec spec;
    private final HttpPages http;
    private final boolean fetchArticles;

    public RssSource(SourceSpec spec, HttpPages http, boolean fetchArticles) {
        this.spec = spec;
        this.http = http;
        this.fetchArticles = fetchArticles;
    }

    @Override
    public SourceSpec spec() {
        return spec;
    }

    @Override
    public List<Candidate> poll() throws SourceException {
        byte[] body = http.get(spec.id(), spec.url());
        Document feed;
        try {
            feed = Jsoup.parse(new ByteArrayInputStream(body), null, spec.url(), Parser.xmlParser());
        } catch (IOException e) {
            throw new SourceException(spec.id(), spec.url(), "unreadable feed: " + e.getMessage(), e);
        }
        Elements entries = feed.select("item, entry");
        List<Candidate> out = new ArrayList<>();
        for (Element e : entries) {
            String link = link(e);
            if (link.isEmpty()) {
                continue;
            }
            String summary = Jsoup.parse(first(e, "description, summary, content")).text();
            String text = fetchArticles ? articleText(link, summary) : summary;
            out.add(new Candidate(link, first(e, "title"), text, published(e), spec.lang()));
        }
        return out;
    }

    private String articleText(String url, String fallback) {
        try {
            Document page = Jsoup.parse(new ByteArrayInputStream(http.get(spec.id(), url)), null, url);
            Element root = page.selectFirst("article");
            Elements paragraphs = (root != null ? root : page.body()).select("p");
            String text = String.join("\n", paragraphs.eachText());
            return text.isBlank() ? fallback : text;
        } catch (SourceException | IOException e) {
            return fallback;
        }
    }

    private static String link(Element entry) {
        Element l = entry.selectFirst("link");
        if (l == null) {
            return "";
        }
        String href = l.attr("href");
        return (href.isEmpty() ? l.text() : href).trim();
    }

    private static String first(Element e, String query) {
        Element found = e.selectFirst(query);
        return found == null ? "" : found.text().trim();
    }

    private static Instant published(Element e) {
        String v = first(e, "pubDate, published, updated");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notRfc) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }
}
