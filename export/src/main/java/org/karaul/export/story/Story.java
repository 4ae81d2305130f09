package org.karaul.export.story;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.karaul.contract.Alert;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceRef;
import org.karaul.contract.TimelineEntry;

/**
 * One development as the exporters see it, built from a {@link Development} or from an {@link Alert} raised on one.
 * Both give the same ids downstream because ids derive from {@link #developmentId}.
 *
 * @param developmentId      the development id (an alert's {@code developmentId})
 * @param status             lifecycle state; null for an alert (its type says opened or escalated)
 * @param title              headline
 * @param summary            the development's lead or the alert's summary; may be null
 * @param severity           severity; may be null
 * @param categories         category ids
 * @param countries          ISO 3166-1 alpha-2 codes, most reported first
 * @param groups             canonical group ids
 * @param firstSeen          earliest item time; may be null
 * @param lastSeen           latest item time; may be null
 * @param itemCount          items grouped into it
 * @param sources            one entry per distinct source, with grades
 * @param independentSources distinct source owners
 * @param evidence           labels with the spans that fired
 * @param timeline           its items in the order they joined
 */
public record Story(
        String developmentId,
        DevelopmentStatus status,
        String title,
        String summary,
        Severity severity,
        List<String> categories,
        List<String> countries,
        List<String> groups,
        Instant firstSeen,
        Instant lastSeen,
        int itemCount,
        List<SourceRef> sources,
        int independentSources,
        List<CategoryLabel> evidence,
        List<TimelineEntry> timeline) {

    public Story {
        Objects.requireNonNull(developmentId, "developmentId");
        title = title == null || title.isBlank() ? "Development " + developmentId : title;
        categories = categories == null ? List.of() : List.copyOf(categories);
        countries = countries == null ? List.of() : List.copyOf(countries);
        groups = groups == null ? List.of() : List.copyOf(groups);
        sources = sources == null ? List.of() : List.copyOf(sources);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    public static Story of(Development d) {
        return new Story(d.id(), d.status(), d.title(), d.lead(), d.severity(), d.categories(), d.countries(), d.groups(),
                d.firstSeen(), d.lastSeen(), d.itemCount(), d.sources(), d.independentSources(), d.evidence(), d.timeline());
    }

    public static Story of(Alert a) {
        String id = a.developmentId() != null ? a.developmentId() : a.id();
        return new Story(id, null, a.title(), a.summary(), a.severity(), a.categories(), a.countries(), a.groups(),
                a.firstSeen(), a.lastSeen(), a.itemCount(), a.sources(), a.independentSources(), a.evidence(), a.timeline());
    }

    /** When the story began: first seen, else last seen, else null. */
    public Instant start() {
        return firstSeen != null ? firstSeen : lastSeen;
    }

    /** When it last changed: last seen, else first seen, else null; never before {@link #start()}. */
    public Instant end() {
        Instant s = start();
        Instant e = lastSeen != null ? lastSeen : firstSeen;
        return s != null && e != null && e.isBefore(s) ? s : e;
    }
}
