package org.karaul.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.karaul.alerts.precision.Judged;
import org.karaul.alerts.precision.RulePrecision;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.Severity;
import org.karaul.contract.Triage;

/**
 * What a candidate configuration changes against the deployed one over the same items.
 *
 * @param items        items replayed
 * @param labels       items whose labels change, in replay order
 * @param developments developments only one side opens
 * @param alerts       alerts only one side raises
 * @param categories   items per category, deployed and candidate, by category id
 * @param rules        alerts per rule, deployed and candidate, by rule id
 * @param precision    per rule, precision under the triage marks on each side; empty when nothing is marked
 * @param marked       developments with a triage mark
 */
record Difference(int items, List<LabelChange> labels, Gained<DevelopmentRef> developments, Gained<AlertRef> alerts,
                  Map<String, Counts> categories, Map<String, Counts> rules, List<PrecisionMove> precision, int marked) {

    /** Items with this label on each side. */
    record Counts(int deployed, int candidate) {
        boolean changed() {
            return deployed != candidate;
        }
    }

    /** What only the candidate has, what only the deployed side has, and the totals of each side. */
    record Gained<T>(int deployed, int candidate, List<T> gained, List<T> lost) {
    }

    /**
     * One item's labels before and after.
     *
     * @param added   categories the candidate adds, with the candidate's evidence
     * @param removed categories the candidate drops, with the deployed evidence
     */
    record LabelChange(String itemId, String title, boolean relevantBefore, boolean relevantAfter, Severity severityBefore,
                       Severity severityAfter, List<CategoryLabel> added, List<CategoryLabel> removed) {
        boolean relevanceFlipped() {
            return relevantBefore != relevantAfter;
        }
    }

    /** A development as the report names it. */
    record DevelopmentRef(String id, String title, Severity severity, List<String> categories, List<String> countries,
                          int items) {
        static DevelopmentRef of(Development d) {
            return new DevelopmentRef(d.id(), d.title(), d.severity(), d.categories(), d.countries(), d.itemCount());
        }
    }

    /** An alert as the report names it; two sides raise the same alert when all but the title agree. */
    record AlertRef(String developmentId, String type, Severity severity, String ruleId, String title) {
        static AlertRef of(Alert a) {
            return new AlertRef(a.developmentId(), a.type(), a.severity(),
                    a.lineage() == null ? null : a.lineage().ruleId(), a.title());
        }

        String key() {
            return developmentId + "|" + type + "|" + severity + "|" + ruleId;
        }
    }

    /** One rule's precision under the marks, deployed and candidate (null where that side never alerts under it). */
    record PrecisionMove(String rule, Judged deployed, Judged candidate) {
    }

    static Difference between(Run deployed, Run candidate, Map<String, Triage> marks) {
        return new Difference(candidate.items().size(), labels(deployed, candidate),
                developments(deployed, candidate), alerts(deployed, candidate),
                categories(deployed, candidate), rules(deployed, candidate), precision(deployed, candidate, marks),
                marks.size());
    }

    private static List<LabelChange> labels(Run deployed, Run candidate) {
        List<LabelChange> out = new ArrayList<>();
        for (ClassifiedItem after : candidate.items().values()) {
            ClassifiedItem before = deployed.items().get(after.item().id());
            if (before == null) {
                continue;
            }
            List<CategoryLabel> added = missingFrom(after.categories(), before.categories());
            List<CategoryLabel> removed = missingFrom(before.categories(), after.categories());
            if (!added.isEmpty() || !removed.isEmpty() || before.relevant() != after.relevant()) {
                out.add(new LabelChange(after.item().id(), after.item().title(), before.relevant(), after.relevant(),
                        before.severity(), after.severity(), added, removed));
            }
        }
        return out;
    }

    private static List<CategoryLabel> missingFrom(List<CategoryLabel> these, List<CategoryLabel> others) {
        Set<String> ids = new LinkedHashSet<>();
        others.forEach(l -> ids.add(l.id()));
        return these.stream().filter(l -> !ids.contains(l.id())).toList();
    }

    private static Gained<DevelopmentRef> developments(Run deployed, Run candidate) {
        List<DevelopmentRef> gained = new ArrayList<>();
        List<DevelopmentRef> lost = new ArrayList<>();
        candidate.developments().values().stream().filter(d -> !deployed.developments().containsKey(d.id()))
                .forEach(d -> gained.add(DevelopmentRef.of(d)));
        deployed.developments().values().stream().filter(d -> !candidate.developments().containsKey(d.id()))
                .forEach(d -> lost.add(DevelopmentRef.of(d)));
        return new Gained<>(deployed.developments().size(), candidate.developments().size(), gained, lost);
    }

    private static Gained<AlertRef> alerts(Run deployed, Run candidate) {
        Map<String, AlertRef> before = refs(deployed.alerts());
        Map<String, AlertRef> after = refs(candidate.alerts());
        List<AlertRef> gained = after.entrySet().stream().filter(e -> !before.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        List<AlertRef> lost = before.entrySet().stream().filter(e -> !after.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return new Gained<>(deployed.alerts().size(), candidate.alerts().size(), gained, lost);
    }

    private static Map<String, AlertRef> refs(List<AlertEvent> events) {
        Map<String, AlertRef> out = new LinkedHashMap<>();
        for (AlertEvent e : events) {
            AlertRef ref = AlertRef.of(e.data());
            out.putIfAbsent(ref.key(), ref);
        }
        return out;
    }

    private static Map<String, Counts> categories(Run deployed, Run candidate) {
        Map<String, Integer> before = perCategory(deployed);
        Map<String, Integer> after = perCategory(candidate);
        return counts(before, after);
    }

    private static Map<String, Integer> perCategory(Run run) {
        Map<String, Integer> out = new TreeMap<>();
        run.items().values().forEach(c -> c.categories().forEach(l -> out.merge(l.id(), 1, Integer::sum)));
        return out;
    }

    private static Map<String, Counts> rules(Run deployed, Run candidate) {
        return counts(perRule(deployed), perRule(candidate));
    }

    private static Map<String, Integer> perRule(Run run) {
        Map<String, Integer> out = new TreeMap<>();
        for (AlertEvent e : run.alerts()) {
            String rule = e.data().lineage() == null ? "(none)" : e.data().lineage().ruleId();
            out.merge(rule, 1, Integer::sum);
        }
        return out;
    }

    private static Map<String, Counts> counts(Map<String, Integer> before, Map<String, Integer> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        Map<String, Counts> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, new Counts(before.getOrDefault(k, 0), after.getOrDefault(k, 0))));
        return out;
    }

    /**
     * Each side's alerts joined to the marks through {@link RulePrecision}, counting only the marked developments
     * that side alerts on: a development the candidate no longer alerts on leaves its rule's tally.
     */
    private static List<PrecisionMove> precision(Run deployed, Run candidate, Map<String, Triage> marks) {
        if (marks.isEmpty()) {
            return List.of();
        }
        Map<String, Judged> before = judged(deployed, marks);
        Map<String, Judged> after = judged(candidate, marks);
        Set<String> rules = new LinkedHashSet<>(before.keySet());
        rules.addAll(after.keySet());
        List<PrecisionMove> out = new ArrayList<>();
        rules.forEach(r -> out.add(new PrecisionMove(r, before.get(r), after.get(r))));
        return out;
    }

    private static Map<String, Judged> judged(Run run, Map<String, Triage> marks) {
        RulePrecision p = new RulePrecision();
        Set<String> alerted = new LinkedHashSet<>();
        for (AlertEvent e : run.alerts()) {
            p.alert(e);
            alerted.add(e.data().developmentId());
        }
        marks.values().stream().filter(t -> alerted.contains(t.developmentId())).forEach(p::mark);
        Map<String, Judged> out = new LinkedHashMap<>();
        p.byRule().forEach(j -> out.put(j.name(), j));
        return out;
    }
}
