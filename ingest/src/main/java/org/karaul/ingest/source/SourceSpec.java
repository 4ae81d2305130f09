package org.karaul.ingest.source;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One configured source, as written in the sources file.
 *
 * @param id       stable id, used in item lineage and metric tags
 * @param type     rss (RSS or Atom feed), html, telegram, sitemap or pdf
 * @param url      where to fetch it
 * @param interval how often to poll it
 * @param lang     language hint (ISO 639-1), null when unknown
 * @param grade    Admiralty reliability grade A–F, null when not graded
 * @param regions  region tags (ISO alpha-2 country codes)
 */
public record SourceSpec(String id, String type, String url, Duration interval, String lang, String grade,
                         List<String> regions) {
    public SourceSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(interval, "interval");
        regions = regions == null ? List.of() : List.copyOf(regions);
    }
}
