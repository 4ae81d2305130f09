package org.karaul.ingest.feed;

import java.time.Instant;

/**
 * One feed item.
 *
 * @param title     plain text, empty when missing
 * @param link      absolute where the feed allows it, null when missing
 * @param id        guid or Atom id, null when missing
 * @param published publication (or, failing that, update) time in UTC, null when missing or unreadable
 * @param summary   description or content as plain text, empty when missing
 */
public record FeedEntry(String title, String link, String id, Instant published, String summary) {
    public FeedEntry {
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
    }
}
