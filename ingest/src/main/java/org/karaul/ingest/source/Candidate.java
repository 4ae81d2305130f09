package org.karaul.ingest.source;

import java.time.Instant;

/**
 * An item a source found, before de-duplication gives it an id and a version.
 *
 * @param url       canonical URL
 * @param title     headline
 * @param text      main text
 * @param published publication time in UTC, null when unknown
 * @param lang      language if the page or source says, else null
 */
public record Candidate(String url, String title, String text, Instant published, String lang) {
}
