package org.karaul.ingest.feed;

import java.util.List;

/**
 * A feed as read: title, link and entries in document order.
 *
 * @param format  rss, rdf or atom (as detected)
 * @param title   feed title as plain text, empty when missing
 * @param link    the site the feed belongs to, null when missing
 * @param entries items or entries
 */
public record ParsedFeed(String format, String title, String link, List<FeedEntry> entries) {
    public ParsedFeed {
        title = title == null ? "" : title;
        entries = List.copyOf(entries);
    }
}
