package org.karaul.ingest.sitemap;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.karaul.ingest.feed.FeedDates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed sitemap: either an index (entries are child sitemaps) or a URL set (entries are pages).
 *
 * @param index   whether this is a {@code <sitemapindex>}
 * @param entries in document order
 */
public record Sitemap(boolean index, List<SitemapEntry> entries) {

    /** Reads sitemap XML leniently; a document that is neither an index nor a URL set has no entries. */
    public static Sitemap parse(byte[] xml, String url) throws IOException {
        Document doc = Jsoup.parse(new ByteArrayInputStream(xml), null, url, Parser.xmlParser());
        Element root = doc.children().first();
        boolean index = root != null && local(root).equals("sitemapindex");
        List<SitemapEntry> entries = new ArrayList<>();
        if (root == null) {
            return new Sitemap(false, entries);
        }
        for (Element e : root.children()) {
            String name = local(e);
            if (!name.equals("url") && !name.equals("sitemap")) {
                continue;
            }
            String loc = childText(e, "loc");
            if (loc == null) {
                continue;
            }
            String published = childText(e, "publication_date");
            String when = published != null ? published : childText(e, "lastmod");
            entries.add(new SitemapEntry(loc, FeedDates.parse(when).orElse(null), childText(e, "title"),
                    childText(e, "language")));
        }
        return new Sitemap(index, entries);
    }

    private static String childText(Element parent, String localName) {
        for (Element d : parent.getAllElements()) {
            if (d != parent && local(d).equals(localName) && !d.text().isBlank()) {
                return d.text().trim();
            }
        }
        return null;
    }

    private static String local(Element e) {
        String n = e.tagName();
        return n.substring(n.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }
}
