package org.karaul.alerts.precision;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.Triage;
import org.karaul.contract.TriageMark;
import org.karaul.contract.kafka.Json;

/**
 * Joins the triage marks to the alerts: each development's latest mark counts once for every rule that alerted on it
 * (from the alerts' lineage, or the rule the mark recorded when the alert has aged out of the topic) and for each of
 * its categories (as the mark recorded them, else as the alerts gave them). Feed it {@link #alert} and {@link #mark}
 * in topic order, then read {@link #byRule()} and {@link #byCategory()}, worst first.
 */
public final class RulePrecision {
    /** False alarms kept as examples per rule or category. */
    static final int EXAMPLES = 3;

    private final Map<String, Set<String>> rulesOf = new HashMap<>();
    private final Map<String, Set<String>> categoriesOf = new HashMap<>();
    private final Map<String, Integer> alertsPerRule = new HashMap<>();
    private final Map<String, Integer> alertsPerCategory = new HashMap<>();
    private final Map<String, Alert> latestAlert = new HashMap<>();
    private final Map<String, Triage> marks = new HashMap<>();

    public void alert(AlertEvent event) {
        Alert a = event.data();
        if (a == null || a.developmentId() == null) {
            return;
        }
        latestAlert.put(a.developmentId(), a);
        if (a.lineage() != null && a.lineage().ruleId() != null) {
            rulesOf.computeIfAbsent(a.developmentId(), k -> new LinkedHashSet<>()).add(a.lineage().ruleId());
            alertsPerRule.merge(a.lineage().ruleId(), 1, Integer::sum);
        }
        for (String c : a.categories()) {
            categoriesOf.computeIfAbsent(a.developmentId(), k -> new LinkedHashSet<>()).add(c);
            alertsPerCategory.merge(c, 1, Integer::sum);
        }
    }

    /** The development's latest mark (a later one replaces it). */
    public void mark(Triage t) {
        marks.put(t.developmentId(), t);
    }

    /** A tombstone on the feedback topic: the development is no longer marked. */
    public void cleared(String developmentId) {
        marks.remove(developmentId);
    }

    public List<Judged> byRule() {
        return judge(this::rules, alertsPerRule);
    }

    public List<Judged> byCategory() {
        return judge(this::categories, alertsPerCategory);
    }

    /**
     * The whole judgement as JSON: {@code marked}, then {@code rules} and {@code categories}, each worst first, rows as
     * {@link Judged#json()}. What {@code karaul rules report --json} writes and the desk's {@code /rules/precision}
     * serves.
     */
    public ObjectNode json() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("marked", marked());
        ArrayNode rules = root.putArray("rules");
        byRule().forEach(j -> rules.add(j.json()));
        ArrayNode categories = root.putArray("categories");
        byCategory().forEach(j -> categories.add(j.json()));
        return root;
    }

    /** How many developments carry a mark. */
    public int marked() {
        return marks.size();
    }

    private Set<String> rules(String dev) {
        Set<String> out = new LinkedHashSet<>(rulesOf.getOrDefault(dev, Set.of()));
        Triage t = marks.get(dev);
        if (out.isEmpty() && t != null && t.ruleId() != null) {
            out.add(t.ruleId());
        }
        return out;
    }

    private Set<String> categories(String dev) {
        Triage t = marks.get(dev);
        if (t != null && !t.categories().isEmpty()) {
            return new LinkedHashSet<>(t.categories());
        }
        return categoriesOf.getOrDefault(dev, Set.of());
    }

    private List<Judged> judge(Function<String, Set<String>> keysOf, Map<String, Integer> alerts) {
        Set<String> developments = new LinkedHashSet<>(latestAlert.keySet());
        developments.addAll(marks.keySet());
        Map<String, Tally> tallies = new TreeMap<>();
        for (String dev : developments) {
            for (String key : keysOf.apply(dev)) {
                tallies.computeIfAbsent(key, Tally::new).add(dev, marks.get(dev));
            }
        }
        List<Judged> out = new ArrayList<>();
        tallies.values().forEach(t -> out.add(t.judged(alerts.getOrDefault(t.name, 0))));
        out.sort(Comparator.comparingDouble((Judged j) -> Double.isNaN(j.precision()) ? 2 : j.precision())
                .thenComparing(Comparator.comparingInt(Judged::falsePositive).reversed())
                .thenComparing(Judged::name));
        return out;
    }

    private final class Tally {
        final String name;
        int developments;
        final Map<TriageMark, Integer> counts = new HashMap<>();
        final List<Triage> wrong = new ArrayList<>();

        Tally(String name) {
            this.name = name;
        }

        void add(String dev, Triage mark) {
            developments++;
            if (mark != null) {
                counts.merge(mark.mark(), 1, Integer::sum);
                if (mark.mark() == TriageMark.FALSE_POSITIVE) {
                    wrong.add(mark);
                }
            }
        }

        Judged judged(int alerts) {
            wrong.sort(Comparator.comparing(Triage::at).reversed());
            List<Judged.Example> examples = wrong.stream().limit(EXAMPLES).map(t -> {
                Alert a = latestAlert.get(t.developmentId());
                List<String> terms = a == null ? List.of() : a.evidence().stream()
                        .flatMap(l -> l.evidence().stream().map(e -> e.term())).distinct().limit(6).toList();
                return new Judged.Example(t.developmentId(), a == null ? "(alert no longer on the topic)" : a.title(),
                        t.note(), terms);
            }).toList();
            return new Judged(name, alerts, developments, count(TriageMark.CONFIRMED), count(TriageMark.HANDLED),
                    count(TriageMark.FALSE_POSITIVE), count(TriageMark.DUPLICATE), examples);
        }

        int count(TriageMark m) {
            return counts.getOrDefault(m, 0);
        }
    }
}
