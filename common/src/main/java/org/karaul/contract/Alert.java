package org.karaul.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a desk or subscriber is told: what happened, where, who, how sure and why.
 *
 * @param id            unique alert id, stable on redelivery and replay:
 *                      {@code <development>.<type>.<severity>.<partition>-<offset>} of the development record that raised it
 * @param type          the development transition it fired on: {@code opened} or {@code escalated}
 * @param developmentId id of the development it is about
 * @param title         headline
 * @param summary       one paragraph built from the items
 * @param severity      severity at the time of the alert
 * @param categories    category ids
 * @param countries     ISO alpha-2 country codes, most important first
 * @param groups        canonical group ids
 * @param sources       sources with links and grades
 * @param evidence      labels with the spans that fired
 * @param firstSeen     earliest item time
 * @param lastSeen      latest item time
 * @param lineage       taxonomy version, rule id and source offsets
 * @param createdAt     when the alert was made
 * @param itemCount          items grouped into the development so far
 * @param independentSources distinct source owners that reported it
 * @param timeline           the development's items in the order they joined
 * @param spike              for a spike: the window, observed and expected counts; else null
 * @param locations          the development's towns, regions and districts, first placed first; may be empty
 */
public record Alert(
        String id,
        String type,
        String developmentId,
        String title,
        String summary,
        Severity severity,
        List<String> categories,
        List<String> countries,
        List<String> groups,
        List<SourceRef> sources,
        List<CategoryLabel> evidence,
        Instant firstSeen,
        Instant lastSeen,
        Lineage lineage,
        Instant createdAt,
        int itemCount,
        int independentSources,
        List<TimelineEntry> timeline,
        Spike spike,
        List<PlaceRef> locations) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        categories = categories == null ? List.of() : List.copyOf(categories);
        countries = countries == null ? List.of() : List.copyOf(countries);
        groups = groups == null ? List.of() : List.copyOf(groups);
        sources = sources == null ? List.of() : List.copyOf(sources);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    /** An alert placed at no town or region. */
    public Alert(String id, String type, String developmentId, String title, String summary, Severity severity,
            List<String> categories, List<String> countries, List<String> groups, List<SourceRef> sources,
            List<CategoryLabel> evidence, Instant firstSeen, Instant lastSeen, Lineage lineage, Instant createdAt,
            int itemCount, int independentSources, List<TimelineEntry> timeline, Spike spike) {
        this(id, type, developmentId, title, summary, severity, categories, countries, groups, sources, evidence, firstSeen,
                lastSeen, lineage, createdAt, itemCount, independentSources, timeline, spike, List.of());
    }
}
