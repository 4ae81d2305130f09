package org.karaul.export.stix;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Evidence;
import org.karaul.contract.SourceRef;
import org.karaul.contract.TimelineEntry;
import org.karaul.export.story.Confidence;
import org.karaul.export.story.Countries;
import org.karaul.export.story.Group;
import org.karaul.export.story.GroupCatalog;
import org.karaul.export.story.Story;
import org.karaul.export.story.Uuids;
import org.karaul.export.stix.StixObjects.Identity;
import org.karaul.export.stix.StixObjects.IntrusionSet;
import org.karaul.export.stix.StixObjects.Location;
import org.karaul.export.stix.StixObjects.Note;
import org.karaul.export.stix.StixObjects.Relationship;
import org.karaul.export.stix.StixObjects.Report;

/**
 * Maps one story to STIX 2.1 objects. Every id is a name-based UUID ({@link Uuids}), so mapping the same
 * development again gives the same ids, and a later state of it a new {@code modified} on the same report id.
 */
public final class StixMapper {
    private static final String V = StixObjects.SPEC_VERSION;
    private static final String REFERENCE = StixTime.format(StixTime.REFERENCE);

    /** Karaul as the creator of every object. */
    public static final Identity KARAUL = new Identity("identity", V, "identity--" + Uuids.of("identity", "karaul"),
            REFERENCE, REFERENCE, "Karaul", "system",
            "Karaul, an open-source OSINT monitor for security in Central Asia: developments grouped from news, "
                    + "labelled against its threat taxonomy");

    private final GroupCatalog groups;

    public StixMapper(GroupCatalog groups) {
        this.groups = groups;
    }

    /** The objects of one story: its locations and groups, relationships, the report and its evidence note. */
    public List<StixObject> map(Story s) {
        Instant start = s.start() != null ? s.start() : StixTime.REFERENCE;
        Instant end = s.end() != null ? s.end() : start;
        String created = StixTime.format(start);
        String modified = StixTime.format(end);
        int confidence = Confidence.of(s);
        String reportId = reportId(s.developmentId());

        List<StixObject> out = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<Location> locations = new ArrayList<>();
        for (String code : new LinkedHashSet<>(s.countries())) {
            Location l = location(code);
            locations.add(l);
            out.add(l);
            refs.add(l.id());
        }
        List<IntrusionSet> sets = new ArrayList<>();
        for (String groupId : new LinkedHashSet<>(s.groups())) {
            IntrusionSet g = intrusionSet(groups.group(groupId));
            sets.add(g);
            out.add(g);
            refs.add(g.id());
        }
        for (IntrusionSet g : sets) {
            for (Location l : locations) {
                String id = "relationship--" + Uuids.of("relationship", s.developmentId() + ":" + g.id() + ":related-to:" + l.id());
                Relationship r = new Relationship("relationship", V, id, KARAUL.id(), created, modified, "related-to",
                        g.name() + " is named in a development reported in " + l.name()
                                + " (Karaul does not say what part the group played)",
                        g.id(), l.id(), created, end.isAfter(start) ? modified : null, confidence);
                out.add(r);
                refs.add(r.id());
            }
        }
        if (refs.isEmpty()) {
            refs.add(KARAUL.id()); // a report must refer to something; then it refers to its author
        }
        Report report = new Report("report", V, reportId, KARAUL.id(), created, modified, s.title(), description(s),
                List.of("threat-report"), modified, refs, s.categories(), confidence, references(s));
        out.add(report);
        if (!s.evidence().isEmpty()) {
            out.add(new Note("note", V, "note--" + Uuids.of("note", s.developmentId()), KARAUL.id(), created, modified,
                    "Evidence: the spans that made the classifier label this development", evidence(s),
                    List.of("Karaul"), List.of(reportId)));
        }
        return out;
    }

    /** The report id of a development. */
    public static String reportId(String developmentId) {
        return "report--" + Uuids.of("report", developmentId);
    }

    static Location location(String code) {
        String cc = code.trim().toUpperCase(Locale.ROOT);
        return new Location("location", V, "location--" + Uuids.of("location", cc), KARAUL.id(), REFERENCE, REFERENCE,
                Countries.name(cc), cc);
    }

    static IntrusionSet intrusionSet(Group g) {
        return new IntrusionSet("intrusion-set", V, "intrusion-set--" + Uuids.of("group", g.id()), KARAUL.id(),
                REFERENCE, REFERENCE, g.name(), g.aliases());
    }

    private static String description(Story s) {
        StringBuilder b = new StringBuilder();
        if (s.summary() != null && !s.summary().isBlank()) {
            b.append(s.summary().trim()).append("\n\n");
        }
        b.append("Severity: ").append(s.severity() == null ? "unknown" : s.severity().id());
        if (s.status() != null) {
            b.append("; status: ").append(s.status().id());
        }
        b.append("; categories: ").append(s.categories().isEmpty() ? "none" : String.join(", ", s.categories()));
        b.append("; countries: ").append(s.countries().isEmpty() ? "none" : String.join(", ", s.countries()));
        b.append(String.format(Locale.ROOT, "; %d item(s) from %d source(s), %d independent.", s.itemCount(),
                s.sources().size(), s.independentSources()));
        return b.toString();
    }

    /** The development in Karaul, then one reference per distinct item URL (sources first, then the timeline). */
    private static List<ExternalReference> references(Story s) {
        List<ExternalReference> refs = new ArrayList<>();
        refs.add(new ExternalReference("karaul", "Karaul development", null, s.developmentId()));
        Map<String, TimelineEntry> items = new LinkedHashMap<>();
        for (TimelineEntry t : s.timeline()) {
            if (t.url() != null) {
                items.putIfAbsent(t.url(), t);
            }
        }
        Set<String> done = new LinkedHashSet<>();
        for (SourceRef src : s.sources()) {
            if (src.url() != null && done.add(src.url())) {
                refs.add(new ExternalReference(src.sourceId(), itemDescription(items.get(src.url()), src.grade()), src.url(), null));
            }
        }
        for (TimelineEntry t : items.values()) {
            if (done.add(t.url())) {
                String grade = s.sources().stream().filter(x -> t.sourceId() != null && t.sourceId().equals(x.sourceId()))
                        .map(SourceRef::grade).findFirst().orElse(null);
                refs.add(new ExternalReference(t.sourceId() == null ? "unknown" : t.sourceId(), itemDescription(t, grade),
                        t.url(), null));
            }
        }
        return refs;
    }

    private static String itemDescription(TimelineEntry t, String grade) {
        String g = grade == null ? "ungraded source" : "source reliability " + grade;
        if (t == null) {
            return "Reporting item; " + g;
        }
        return (t.title() == null || t.title().isBlank() ? "Reporting item" : t.title().trim())
                + (t.at() == null ? "" : " (" + StixTime.format(t.at()) + ")") + "; " + g
                + (t.lang() == null ? "" : "; language " + t.lang());
    }

    /** One line per label, then one per span: where in the item's title or text it fired and on which words. */
    private static String evidence(Story s) {
        StringBuilder b = new StringBuilder();
        for (CategoryLabel label : s.evidence()) {
            b.append(String.format(Locale.ROOT, "%s (%s, score %.2f)%n", label.id(),
                    label.severity() == null ? "no severity" : label.severity().id(), label.score()));
            for (Evidence e : label.evidence()) {
                b.append(String.format(Locale.ROOT, "  %s[%d..%d]: \"%s\"%n", e.field(), e.start(), e.end(),
                        e.term() == null ? "" : e.term()));
            }
        }
        return b.toString().stripTrailing();
    }
}
