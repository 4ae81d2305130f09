package org.karaul.contract;

import java.time.Instant;

/**
 * One item as it joined a development: what the desk page shows as the development's timeline.
 *
 * @param at       the item's event time (published, else fetched)
 * @param status   the development's status right after this item joined
 * @param sourceId configured source id
 * @param url      the item's canonical URL
 * @param title    the item's headline
 * @param severity the item's severity
 * @param lang     ISO 639-1 language code if known, else null
 */
public record TimelineEntry(Instant at, DevelopmentStatus status, String sourceId, String url, String title,
                            Severity severity, String lang) {
}
