package org.karaul.ingest.extract;

import java.time.Instant;

/**
 * What an article page says, once boilerplate is gone.
 *
 * @param url          canonical URL (rel=canonical or og:url if present, else the fetched URL), null when unknown
 * @param title        headline, empty when none found
 * @param text         main text, paragraphs separated by blank lines; empty when none found
 * @param published    publication time in UTC, null when the page does not say
 * @param author       byline, null when none found
 * @param lang         ISO 639-1 code from markup or script, null when unknown
 */
public record Article(String url, String title, String text, Instant published, String author, String lang) {
    public Article {
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
