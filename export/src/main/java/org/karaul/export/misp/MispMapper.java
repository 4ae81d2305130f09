package org.karaul.export.misp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.Evidence;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceRef;
import org.karaul.contract.TimelineEntry;
import org.karaul.export.story.Confidence;
import org.karaul.export.story.Countries;
import org.karaul.export.story.Group;
import org.karaul.export.story.GroupCatalog;
import org.karaul.export.story.Story;
import org.karaul.export.story.Uuids;

/**
 * Maps one story to a MISP event ({@code {"Event": {...}}}) in the MISP core format. Instance-local ids
 * ({@code id}, {@code org_id}, {@code orgc_id}, {@code event_id}) are left out: the receiving MISP assigns them
 * on import, as with MISP's own feeds. UUIDs are name-based, so a re-export updates the same event.
 */
public final class MispMapper {
    /** The MISP threat-actor galaxy's uuid (as in the MISP core format's galaxy sample). */
    public static final String THREAT_ACTOR_GALAXY = "698774c7-8022-42c4-917f-8d6e4f06ada3";
    /** Distribution of exported events: 0, your organisation only; the importing analyst widens it. */
    public static final String DISTRIBUTION = "0";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int INFO_MAX = 256;

    private final GroupCatalog groups;

    public MispMapper(GroupCatalog groups) {
        this.groups = groups;
    }

    public ObjectNode map(Story s) {
        Instant start = s.start() != null ? s.start() : Instant.EPOCH;
        Instant end = s.end() != null ? s.end() : start;
        String timestamp = Long.toString(end.getEpochSecond());
        ObjectNode e = F.objectNode();
        e.put("uuid", Uuids.of("misp-event", s.developmentId()).toString());
        e.put("info", info(s.title()));
        e.put("date", start.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        e.put("threat_level_id", threatLevel(s.severity()));
        e.put("analysis", analysis(s.status()));
        e.put("distribution", DISTRIBUTION);
        e.put("sharing_group_id", "0");
        e.put("published", false);
        e.put("timestamp", timestamp);
        e.put("publish_timestamp", "0");
        ObjectNode orgc = e.putObject("Orgc");
        orgc.put("name", "Karaul");
        orgc.put("uuid", Uuids.of("misp-org", "karaul").toString());
        ArrayNode attributes = attributes(s, timestamp);
        e.put("attribute_count", Integer.toString(attributes.size()));
        e.set("Attribute", attributes);
        e.set("Tag", tags(s));
        if (!s.groups().isEmpty()) {
            e.set("Galaxy", galaxies(s));
        }
        ObjectNode wrapper = F.objectNode();
        wrapper.set("Event", e);
        return wrapper;
    }

    /** 1 high (critical, high), 2 medium, 3 low (low, info), 4 undefined. */
    static String threatLevel(Severity severity) {
        if (severity == null) {
            return "4";
        }
        return switch (severity) {
            case CRITICAL, HIGH -> "1";
            case MEDIUM -> "2";
            case LOW, INFO -> "3";
        };
    }

    /** 0 initial (opened), 1 ongoing (updated, escalated; an alert), 2 complete (closed). */
    static String analysis(DevelopmentStatus status) {
        if (status == null) {
            return "1";
        }
        return switch (status) {
            case OPENED -> "0";
            case UPDATED, ESCALATED -> "1";
            case CLOSED -> "2";
        };
    }

    private static String info(String title) {
        String one = title.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        return one.length() <= INFO_MAX ? one : one.substring(0, INFO_MAX - 1) + "…";
    }

    private ArrayNode attributes(Story s, String timestamp) {
        ArrayNode list = F.arrayNode();
        Map<String, String> described = new LinkedHashMap<>();
        for (TimelineEntry t : s.timeline()) {
            if (t.url() != null && t.title() != null) {
                described.putIfAbsent(t.url(), t.title());
            }
        }
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        for (SourceRef src : s.sources()) {
            if (src.url() != null && urls.add(src.url())) {
                String grade = src.grade() == null ? "ungraded" : "reliability " + src.grade();
                String title = described.get(src.url());
                list.add(attribute(s, "External analysis", "link", src.url(), timestamp,
                        src.sourceId() + ", " + grade + (title == null ? "" : ": " + info(title))));
            }
        }
        for (TimelineEntry t : s.timeline()) {
            if (t.url() != null && urls.add(t.url())) {
                list.add(attribute(s, "External analysis", "link", t.url(), timestamp,
                        (t.sourceId() == null ? "source" : t.sourceId()) + (t.title() == null ? "" : ": " + info(t.title()))));
            }
        }
        if (s.summary() != null && !s.summary().isBlank()) {
            list.add(attribute(s, "Other", "text", s.summary().trim(), timestamp, "lead of the most reliable item"));
        }
        for (CategoryLabel label : s.evidence()) {
            StringBuilder v = new StringBuilder();
            for (Evidence ev : label.evidence()) {
                v.append(v.length() == 0 ? "" : "\n").append(ev.field()).append('[').append(ev.start()).append("..")
                        .append(ev.end()).append("]: \"").append(ev.term() == null ? "" : ev.term()).append('"');
            }
            if (v.length() > 0) {
                list.add(attribute(s, "Other", "text", v.toString(), timestamp, String.format(Locale.ROOT,
                        "evidence for %s (%s, score %.2f)", label.id(),
                        label.severity() == null ? "no severity" : label.severity().id(), label.score())));
            }
        }
        return list;
    }

    private static ObjectNode attribute(Story s, String category, String type, String value, String timestamp,
                                        String comment) {
        ObjectNode a = F.objectNode();
        a.put("uuid", Uuids.of("misp-attribute", s.developmentId() + ":" + type + ":" + value).toString());
        a.put("type", type);
        a.put("category", category);
        a.put("value", value);
        a.put("to_ids", false);
        a.put("distribution", "5");
        a.put("sharing_group_id", "0");
        a.put("timestamp", timestamp);
        a.put("comment", comment);
        a.put("deleted", false);
        return a;
    }

    private ArrayNode tags(Story s) {
        ArrayNode tags = F.arrayNode();
        for (String g : new LinkedHashSet<>(s.groups())) {
            tags.add(tag(threatActorTag(groups.group(g).name())));
        }
        for (String c : new LinkedHashSet<>(s.countries())) {
            tags.add(tag("misp-galaxy:country=\"" + Countries.name(c).toLowerCase(Locale.ROOT) + "\""));
        }
        for (String c : s.categories()) {
            tags.add(tag("karaul:category=\"" + c + "\""));
        }
        if (s.severity() != null) {
            tags.add(tag("karaul:severity=\"" + s.severity().id() + "\""));
        }
        String best = Confidence.bestGrade(s.sources());
        if (best != null) {
            tags.add(tag("admiralty-scale:source-reliability=\"" + best.toLowerCase(Locale.ROOT) + "\""));
        }
        tags.add(tag("admiralty-scale:information-credibility=\"" + Confidence.credibility(Confidence.of(s)) + "\""));
        return tags;
    }

    private static ObjectNode tag(String name) {
        ObjectNode t = F.objectNode();
        t.put("name", name);
        t.put("exportable", true);
        return t;
    }

    private static String threatActorTag(String name) {
        return "misp-galaxy:threat-actor=\"" + name.replace("\"", "'") + "\"";
    }

    private ArrayNode galaxies(Story s) {
        ObjectNode galaxy = F.objectNode();
        galaxy.put("uuid", THREAT_ACTOR_GALAXY);
        galaxy.put("name", "Threat Actor");
        galaxy.put("type", "threat-actor");
        galaxy.put("namespace", "misp");
        galaxy.put("description", "Threat actors are characteristics of malicious actors or adversaries.");
        ArrayNode clusters = galaxy.putArray("GalaxyCluster");
        for (String id : new LinkedHashSet<>(s.groups())) {
            Group g = groups.group(id);
            ObjectNode c = clusters.addObject();
            c.put("uuid", Uuids.of("misp-cluster", "threat-actor:" + g.id()).toString());
            c.put("type", "threat-actor");
            c.put("value", g.name());
            c.put("tag_name", threatActorTag(g.name()));
            c.put("description", g.name() + " (Karaul taxonomy group " + g.id() + ")");
            c.put("source", "Karaul taxonomy");
            if (!g.aliases().isEmpty()) {
                ArrayNode synonyms = c.putObject("meta").putArray("synonyms");
                g.aliases().forEach(synonyms::add);
            }
        }
        return F.arrayNode().add(galaxy);
    }
}
