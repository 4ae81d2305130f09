package org.karaul.alerts.develop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Evidence;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceRef;

/** Small merge helpers for development fields: unions that keep order, capped lists, grades, evidence. */
final class Merge {
    private static final int MAX_EVIDENCE_PER_LABEL = 8;
    private static final int LEAD_CHARS = 320;

    private Merge() {
    }

    static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }

    static List<String> categoryIds(List<CategoryLabel> labels) {
        return labels.stream().map(CategoryLabel::id).toList();
    }

    static Severity max(Severity a, Severity b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    static Instant maxTime(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** A: 0 … F: 5; ungraded sorts last. */
    static int gradeRank(String grade) {
        return grade == null || grade.isBlank() ? 9 : Character.toUpperCase(grade.charAt(0)) - 'A';
    }

    static List<SourceRef> addSource(List<SourceRef> sources, RawItem item) {
        if (sources.stream().anyMatch(s -> s.sourceId().equals(item.sourceId()))) {
            return sources;
        }
        List<SourceRef> out = new ArrayList<>(sources);
        out.add(new SourceRef(item.sourceId(), item.url(), item.sourceGrade()));
        return out;
    }

    /** Distinct owners among the sources: outlets of one owner count once. */
    static int independent(List<SourceRef> sources, GroupingRules rules) {
        Set<String> owners = sources.stream().map(s -> rules.ownerOf(s.sourceId())).collect(Collectors.toSet());
        return owners.size();
    }

    /** Per category the label with the highest score, with the distinct spans of all labels of that category. */
    static List<CategoryLabel> evidence(List<CategoryLabel> before, List<CategoryLabel> added) {
        Map<String, CategoryLabel> byId = new LinkedHashMap<>();
        for (CategoryLabel l : before) {
            byId.put(l.id(), l);
        }
        for (CategoryLabel l : added) {
            CategoryLabel old = byId.get(l.id());
            if (old == null) {
                byId.put(l.id(), capped(l, l.evidence()));
                continue;
            }
            LinkedHashSet<Evidence> spans = new LinkedHashSet<>(old.evidence());
            spans.addAll(l.evidence());
            CategoryLabel top = l.score() > old.score() ? l : old;
            byId.put(l.id(), new CategoryLabel(top.id(), max(old.severity(), l.severity()), top.score(), new ArrayList<>(spans)));
        }
        return byId.values().stream().map(l -> capped(l, l.evidence())).toList();
    }

    /** The first sentences of a text, up to about {@value #LEAD_CHARS} characters. */
    static String lead(String text) {
        String t = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        if (t.length() <= LEAD_CHARS) {
            return t;
        }
        int cut = t.lastIndexOf(". ", LEAD_CHARS);
        return cut > 80 ? t.substring(0, cut + 1) : t.substring(0, LEAD_CHARS) + "…";
    }

    static <T> List<T> tail(List<T> list, int max) {
        return list.size() <= max ? List.copyOf(list) : List.copyOf(list.subList(list.size() - max, list.size()));
    }

    private static CategoryLabel capped(CategoryLabel l, List<Evidence> spans) {
        return spans.size() <= MAX_EVIDENCE_PER_LABEL ? l
                : new CategoryLabel(l.id(), l.severity(), l.score(), spans.subList(0, MAX_EVIDENCE_PER_LABEL));
    }
}
