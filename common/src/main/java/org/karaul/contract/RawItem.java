package org.karaul.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * One document as a crawler saw it: a feed entry, an article, a Telegram post or a report.
 * Keyed on the raw topic by {@link #id}, a hash of the canonical URL.
 *
 * @param id          hash of the canonical URL (see {@code ItemIds})
 * @param url         canonical URL (tracking parameters and fragment removed)
 * @param title       headline; may be empty, never null
 * @param text        main text; may be empty, never null
 * @param published   publication time in UTC, null when the source does not say
 * @param sourceId    id of the configured source that produced it
 * @param sourceType  kind of source: rss, html, telegram, sitemap, pdf
 * @param sourceGrade Admiralty reliability grade A–F of the source, null when not graded
 * @param lang        ISO 639-1 language code if known, else null
 * @param fetchedAt   when the crawler fetched it
 * @param version     1 for the first sighting of the URL; +1 each time its content changes
 */
public record RawItem(
        String id,
        String url,
        String title,
        String text,
        Instant published,
        String sourceId,
        String sourceType,
        String sourceGrade,
        String lang,
        Instant fetchedAt,
        int version) {

    public RawItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }
}
