package org.karaul.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One real-world event as reported by one or more items: the unit alerts fire on.
 * Keyed by {@link #id} on the compacted developments topic, so its latest state wins.
 *
 * @param id                 stable development id
 * @param status             lifecycle state after the latest change
 * @param title              headline of the most reliable item
 * @param severity           highest severity seen so far
 * @param categories         union of category ids
 * @param countries          countries, most reported first
 * @param groups             groups that act in it
 * @param places             ids of its {@code locations}, in the same order
 * @param firstSeen          earliest item time
 * @param lastSeen           latest item time
 * @param itemCount          items grouped into it
 * @param sources            one entry per distinct source
 * @param independentSources distinct source groups (outlets of one owner count once)
 * @param evidence           labels with the spans that fired, from its items
 * @param origins            raw-topic offsets of its items
 * @param taxonomyVersion    taxonomy version of its latest item
 * @param lead               a sentence or two from its most reliable item, for summaries
 * @param timeline           items in the order they joined (capped; the newest are kept)
 * @param spike              for a spike development: the window, observed and expected counts; else null
 * @param locations          union of its items' towns, regions and districts, first placed first; empty when none
 *                           is known (and in records written before the field existed)
 */
public record Development(
        String id,
        DevelopmentStatus status,
        String title,
        Severity severity,
        List<String> categories,
        List<String> countries,
        List<String> groups,
        List<String> places,
        Instant firstSeen,
        Instant lastSeen,
        int itemCount,
        List<SourceRef> sources,
        int independentSources,
        List<CategoryLabel> evidence,
        List<SourceOffset> origins,
        String taxonomyVersion,
        String lead,
        List<TimelineEntry> timeline,
        Spike spike,
        List<PlaceRef> locations) {

    public Development {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        categories = categories == null ? List.of() : List.copyOf(categories);
        countries = countries == null ? List.of() : List.copyOf(countries);
        groups = groups == null ? List.of() : List.copyOf(groups);
        places = places == null ? List.of() : List.copyOf(places);
        sources = sources == null ? List.of() : List.copyOf(sources);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        origins = origins == null ? List.of() : List.copyOf(origins);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    /** A development placed at no town or region. */
    public Development(String id, DevelopmentStatus status, String title, Severity severity, List<String> categories,
            List<String> countries, List<String> groups, List<String> places, Instant firstSeen, Instant lastSeen,
            int itemCount, List<SourceRef> sources, int independentSources, List<CategoryLabel> evidence,
            List<SourceOffset> origins, String taxonomyVersion, String lead, List<TimelineEntry> timeline, Spike spike) {
        this(id, status, title, severity, categories, countries, groups, places, firstSeen, lastSeen, itemCount, sources,
                independentSources, evidence, origins, taxonomyVersion, lead, timeline, spike, List.of());
    }
}
