package org.karaul.ingest.source;

import org.karaul.ingest.extract.SiteSelectors;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One configured source, as written in the sources file.
 *
 * @param id          stable id, used in item lineage and metric tags
 * @param type        rss or atom (a feed), html (listing page), telegram, sitemap or pdf
 * @param url         where to fetch it
 * @param interval    how often to poll it normally; idle sources back off from here
 * @param lang        language hint (ISO 639-1), null when unknown
 * @param grade       Admiralty reliability grade A–F, null when not graded
 * @param regions     region tags (ISO alpha-2 country codes)
 * @param minInterval shortest poll interval adaptive polling may use for a busy source
 * @param selectors   per-site CSS selectors (article links, title, body, time), {@link SiteSelectors#NONE} if none
 * @param maxItems    most articles, posts or reports fetched per poll
 * @param profile     country, kind of publisher, reason for the grade and whether the URL was confirmed
 */
public record SourceSpec(String id, String type, String url, Duration interval, String lang, String grade,
                         List<String> regions, Duration minInterval, SiteSelectors selectors, int maxItems,
                         SourceProfile profile) {

    /** The source types this build knows. */
    public static final Set<String> TYPES = Set.of("rss", "atom", "html", "telegram", "sitemap", "pdf");

    public SourceSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(interval, "interval");
        regions = regions == null ? List.of() : List.copyOf(regions);
        minInterval = minInterval == null ? shorter(interval, Duration.ofMinutes(2)) : minInterval;
        selectors = selectors == null ? SiteSelectors.NONE : selectors;
        maxItems = maxItems <= 0 ? 20 : maxItems;
        profile = profile == null ? SourceProfile.NONE : profile;
    }

    /** A spec without a profile. */
    public SourceSpec(String id, String type, String url, Duration interval, String lang, String grade,
                      List<String> regions, Duration minInterval, SiteSelectors selectors, int maxItems) {
        this(id, type, url, interval, lang, grade, regions, minInterval, selectors, maxItems, null);
    }

    /** A spec with default minimum interval, no selectors and 20 items per poll. */
    public SourceSpec(String id, String type, String url, Duration interval, String lang, String grade,
                      List<String> regions) {
        this(id, type, url, interval, lang, grade, regions, null, null, 0, null);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
