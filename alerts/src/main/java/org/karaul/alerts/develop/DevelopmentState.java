package org.karaul.alerts.develop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.PlaceRef;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.SourceRef;
import org.karaul.contract.TimelineEntry;

/**
 * An open development as kept in the state store: the published record plus what grouping needs and the topic
 * does not show (text signatures of its latest items, the ids of its items, the grade its title came from).
 *
 * @param development the record as last published
 * @param signatures  MinHash signatures of its latest items (at most {@link #MAX_SIGNATURES})
 * @param itemIds     ids of its latest items (at most {@link #MAX_ITEM_IDS}), so a new version of an item does not
 *                    count twice; an item seen again after that many others counts again, which keeps a story of
 *                    any length within a changelog record
 * @param titleGrade  grade of the source the title was taken from
 * @param touchedAt   wall-clock time of the latest change, for closing when the stream goes quiet
 */
public record DevelopmentState(Development development, List<int[]> signatures, List<String> itemIds,
                               String titleGrade, Instant touchedAt) {
    static final int MAX_SIGNATURES = 8;
    static final int MAX_TIMELINE = 50;
    static final int MAX_ORIGINS = 200;
    static final int MAX_LOCATIONS = 20;
    static final int MAX_ITEM_IDS = 1_000;

    /** A new development opened by one item. */
    static DevelopmentState open(ClassifiedItem c, int[] signature, GroupingRules rules, Instant now) {
        RawItem item = c.item();
        Instant at = eventTime(c);
        String id = "dev-" + item.id().substring(0, Math.min(20, item.id().length()));
        List<SourceRef> sources = List.of(new SourceRef(item.sourceId(), item.url(), item.sourceGrade()));
        Development d = new Development(id, DevelopmentStatus.OPENED, item.title(), c.severity(),
                Merge.categoryIds(c.categories()), c.countries(), c.groups(), placeIds(locations(List.of(), c)), at, at, 1, sources,
                Merge.independent(sources, rules), c.categories(), origins(List.of(), c.origin()), c.taxonomyVersion(),
                Merge.lead(item.text()), List.of(entry(c, DevelopmentStatus.OPENED)), null, locations(List.of(), c));
        return new DevelopmentState(d, List.of(signature), List.of(item.id()), item.sourceGrade(), now);
    }

    /** This development with one more item; escalated when the item raises its severity, else updated. */
    DevelopmentState join(ClassifiedItem c, int[] signature, GroupingRules rules, Instant now) {
        Development d = development;
        RawItem item = c.item();
        boolean repeat = itemIds.contains(item.id());
        Severity severity = Merge.max(d.severity(), c.severity());
        DevelopmentStatus status = severity.compareTo(d.severity()) > 0 ? DevelopmentStatus.ESCALATED
                : DevelopmentStatus.UPDATED;
        boolean better = Merge.gradeRank(item.sourceGrade()) < Merge.gradeRank(titleGrade);
        List<SourceRef> sources = Merge.addSource(d.sources(), item);
        Instant at = eventTime(c);
        List<TimelineEntry> timeline = new ArrayList<>(d.timeline());
        if (!repeat) {
            timeline.add(entry(c, status));
        }
        Development next = new Development(d.id(), status, better ? item.title() : d.title(), severity,
                Merge.union(d.categories(), Merge.categoryIds(c.categories())), Merge.union(d.countries(), c.countries()),
                Merge.union(d.groups(), c.groups()), placeIds(locations(d.locations(), c)), Merge.min(d.firstSeen(), at),
                Merge.maxTime(d.lastSeen(), at),
                d.itemCount() + (repeat ? 0 : 1), sources, Merge.independent(sources, rules),
                Merge.evidence(d.evidence(), c.categories()), origins(d.origins(), c.origin()),
                c.taxonomyVersion() != null ? c.taxonomyVersion() : d.taxonomyVersion(),
                better ? Merge.lead(item.text()) : d.lead(), Merge.tail(timeline, MAX_TIMELINE), null, locations(d.locations(), c));
        List<int[]> sigs = new ArrayList<>(signatures);
        sigs.add(signature);
        List<String> ids = new ArrayList<>(itemIds);
        if (!repeat) {
            ids.add(item.id());
        }
        return new DevelopmentState(next, Merge.tail(sigs, MAX_SIGNATURES), Merge.tail(ids, MAX_ITEM_IDS),
                better ? item.sourceGrade() : titleGrade, now);
    }

    /** The closing record of this development. */
    Development closed() {
        Development d = development;
        return new Development(d.id(), DevelopmentStatus.CLOSED, d.title(), d.severity(), d.categories(), d.countries(),
                d.groups(), d.places(), d.firstSeen(), d.lastSeen(), d.itemCount(), d.sources(), d.independentSources(),
                d.evidence(), d.origins(), d.taxonomyVersion(), d.lead(), d.timeline(), d.spike(), d.locations());
    }

    /** The development's places and the item's, first placed first, each once, at most {@value #MAX_LOCATIONS}. */
    static List<PlaceRef> locations(List<PlaceRef> known, ClassifiedItem c) {
        List<PlaceRef> out = new ArrayList<>(known);
        for (PlaceRef p : c.locations()) {
            if (out.size() < MAX_LOCATIONS && out.stream().noneMatch(o -> o.id().equals(p.id()))) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> placeIds(List<PlaceRef> locations) {
        return locations.stream().map(PlaceRef::id).toList();
    }

    /** When the item says it happened: published time, else fetch time. */
    static Instant eventTime(ClassifiedItem c) {
        return c.item().published() != null ? c.item().published() : c.item().fetchedAt();
    }

    private static TimelineEntry entry(ClassifiedItem c, DevelopmentStatus status) {
        RawItem item = c.item();
        return new TimelineEntry(eventTime(c), status, item.sourceId(), item.url(), item.title(), c.severity(), item.lang());
    }

    private static List<SourceOffset> origins(List<SourceOffset> before, SourceOffset origin) {
        if (origin == null) {
            return before;
        }
        LinkedHashSet<SourceOffset> all = new LinkedHashSet<>(before);
        all.add(origin);
        return Merge.tail(new ArrayList<>(all), MAX_ORIGINS);
    }
}
