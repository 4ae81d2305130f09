package org.karaul.ingest.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Feeds through jsoup's lenient XML parser: reads broken XML too, but knows only the fields it asks for. */
public final class JsoupFeedParser implements FeedParser {

    @Override
    public ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException {
        Document doc;
        try {
            String base = baseUrl == null ? "" : baseUrl;
            java.util.Optional<java.nio.charset.Charset> wide = XmlEncoding.findWideCharset(body);
            if (wide.isPresent()) {
                doc = Jsoup.parse(XmlEncoding.decodeWide(body, wide.get()), base, Parser.xmlParser());
            } else {
                String charset = org.karaul.ingest.fetch.ContentTypes.findCharset(contentType)
                        .filter(JsoupFeedParser::supported).orElse(null);
                doc = Jsoup.parse(new ByteArrayInputStream(body), charset, base, Parser.xmlParser());
            }
        } catch (IOException | RuntimeException e) {
            throw new FeedParseException("jsoup: " + e.getMessage(), e);
        }
        Element root = doc.children().stream().filter(e -> !local(e).isEmpty()).findFirst()
                .orElseThrow(() -> new FeedParseException("jsoup: no root element", null));
        String name = local(root);
        switch (name) {
            case "feed" -> {
                return atom(root, baseUrl);
            }
            case "rss", "rdf", "channel" -> {
                return rss(root, name, baseUrl);
            }
            default -> throw new FeedParseException("jsoup: not a feed, root element <" + root.tagName() + ">", null);
        }
    }

    /** A charset name we can use; an unknown or malformed one in a header is ignored, not fatal. */
    private static boolean supported(String name) {
        try {
            return java.nio.charset.Charset.isSupported(name);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static ParsedFeed rss(Element root, String name, String baseUrl) {
        Element channel = "channel".equals(name) ? root : child(root, "channel");
        Element head = channel == null ? root : channel;
        List<FeedEntry> entries = new ArrayList<>();
        List<Element> items = new ArrayList<>(children(head, "item"));
        if (head != root) {
            items.addAll(children(root, "item"));
        }
        for (Element item : items) {
            String link = text(child(item, "link"));
            if (link.isEmpty()) {
                link = atomLink(item);
            }
            link = link.isEmpty() ? item.attributes().getIgnoreCase("href") : link;
            String guid = text(child(item, "guid"));
            Element guidEl = child(item, "guid");
            if (link.isEmpty() && !guid.isEmpty() && !"false".equalsIgnoreCase(guidEl.attr("isPermaLink"))
                    && guid.matches("(?i)https?://.*")) {
                link = guid;
            }
            String summary = text(child(item, "description"));
            if (summary.isEmpty()) {
                summary = text(child(item, "encoded"));
            }
            entries.add(new FeedEntry(FeedText.plain(text(child(item, "title"))), FeedLinks.resolve(baseUrl, link),
                    guid.isEmpty() ? text(child(item, "about")) : guid,
                    FeedDates.parse(first(item, "pubdate", "date", "published", "updated")).orElse(null),
                    FeedText.plain(summary)));
        }
        String link = text(child(head, "link"));
        link = link.isEmpty() ? head.attributes().getIgnoreCase("href") : link;
        return new ParsedFeed("rdf".equals(name) ? "rss_1.0" : "rss", FeedText.plain(text(child(head, "title"))),
                FeedLinks.resolve(baseUrl, link.isEmpty() ? atomLink(head) : link), entries);
    }

    private static ParsedFeed atom(Element feed, String baseUrl) {
        List<FeedEntry> entries = new ArrayList<>();
        for (Element e : children(feed, "entry")) {
            String summary = atomText(child(e, "summary"));
            entries.add(new FeedEntry(atomText(child(e, "title")), FeedLinks.resolve(base(e, baseUrl), atomLink(e)),
                    text(child(e, "id")).isEmpty() ? null : text(child(e, "id")),
                    FeedDates.parse(first(e, "published", "issued", "created", "updated", "modified")).orElse(null),
                    summary.isEmpty() ? atomText(child(e, "content")) : summary));
        }
        return new ParsedFeed("atom", atomText(child(feed, "title")),
                FeedLinks.resolve(base(feed, baseUrl), atomLink(feed)), entries);
    }

    /** An Atom text construct: xhtml and html turned to text, text kept. */
    private static String atomText(Element el) {
        if (el == null) {
            return "";
        }
        String type = el.attr("type").toLowerCase(Locale.ROOT);
        String raw = el.wholeText();
        boolean textual = type.isEmpty() || type.startsWith("text") || type.endsWith("html") || type.endsWith("xml");
        if ("base64".equalsIgnoreCase(el.attr("mode")) || !textual) {
            raw = FeedText.fromBase64(raw);
        }
        if (type.contains("xhtml")) {
            return Jsoup.parseBodyFragment(el.html()).text().replaceAll("\\s+", " ").trim();
        }
        return type.contains("html") || !textual ? FeedText.plain(raw) : raw.replaceAll("\\s+", " ").trim();
    }

    private static String atomLink(Element parent) {
        for (Element l : children(parent, "link")) {
            String rel = l.attr("rel");
            if ((rel.isEmpty() || "alternate".equals(rel)) && l.hasAttr("href")) {
                return resolveBase(l, l.attr("href"));
            }
        }
        return "";
    }

    /** Applies xml:base declarations from the outermost ancestor inwards. */
    private static String resolveBase(Element el, String href) {
        List<String> bases = new ArrayList<>();
        for (Element a = el; a != null; a = a.parent()) {
            if (a.hasAttr("xml:base")) {
                bases.add(0, a.attr("xml:base"));
            }
        }
        String result = null;
        for (String b : bases) {
            result = result == null ? b : FeedLinks.resolve(result, b);
        }
        return result == null ? href : FeedLinks.resolve(result, href);
    }

    private static String base(Element el, String fallback) {
        String b = resolveBase(el, "");
        return b == null || b.isEmpty() || !isAbsolute(b) ? fallback : b;
    }

    private static boolean isAbsolute(String s) {
        try {
            return URI.create(s).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String first(Element parent, String... names) {
        for (String n : names) {
            String t = text(child(parent, n));
            if (!t.isEmpty()) {
                return t;
            }
        }
        return null;
    }

    private static String text(Element el) {
        return el == null ? "" : el.text().trim();
    }

    private static String local(Element e) {
        String n = e.tagName();
        int colon = n.indexOf(':');
        return (colon < 0 ? n : n.substring(colon + 1)).toLowerCase(Locale.ROOT);
    }

    /** The child with this local name, preferring an unprefixed or Dublin Core one over other vocabularies. */
    private static Element child(Element parent, String localName) {
        Element other = null;
        for (Element c : parent.children()) {
            if (local(c).equals(localName)) {
                String tag = c.tagName().toLowerCase(Locale.ROOT);
                if (tag.equals(localName) || tag.startsWith("atom") || tag.startsWith("rss")) {
                    return c;
                }
                other = other == null || tag.startsWith("dc:") ? c : other;
            }
        }
        return other;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element c : parent.children()) {
            if (local(c).equals(localName)) {
                out.add(c);
            }
        }
        return out;
    }
}
