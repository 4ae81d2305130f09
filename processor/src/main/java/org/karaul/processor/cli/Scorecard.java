package org.karaul.processor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.karaul.contract.CategoryLabel;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.taxonomy.ContractIds;

/** Accuracy of classifications against gold labels, as the {@code eval} command reports it. */
final class Scorecard {
    final Map<String, Counts> perCategory = new LinkedHashMap<>();
    final Counts micro = new Counts();
    final Counts relevance = new Counts();
    final Counts countries = new Counts();
    final Counts groups = new Counts();
    int severityRight;
    int items;
    final List<Miss> misses = new ArrayList<>();
    /** The same figures for the items of each stated language ({@value #UNSTATED} for items without one). */
    final Map<String, Scorecard> byLanguage = new TreeMap<>();
    static final String UNSTATED = "unstated";

    /** One item that was not classified exactly as labelled. */
    record Miss(String id, int cost, Gold expected, Classification got) {
    }

    /** The gold labels of one item. */
    record Gold(boolean relevant, List<String> categories, List<String> countries, List<String> groups, String severity) {
        static Gold of(JsonNode g) {
            return new Gold(g.path("relevant").asBoolean(), strings(g.path("categories")), strings(g.path("countries")),
                    strings(g.path("groups")), g.path("severity").asText("none"));
        }

        private static List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>();
            array.forEach(n -> out.add(n.asText()));
            return out;
        }
    }

    Scorecard() {
        ContractIds.CATEGORIES.forEach(id -> perCategory.put(id, new Counts()));
    }

    /** Scores one item overall and in its language's own card. */
    void add(String id, String lang, Gold gold, Classification got) {
        add(id, gold, got);
        byLanguage.computeIfAbsent(lang == null || lang.isBlank() ? UNSTATED : lang, l -> new Scorecard()).add(id, gold, got);
    }

    void add(String id, Gold gold, Classification got) {
        items++;
        List<String> cats = got.categories().stream().map(CategoryLabel::id).toList();
        for (String cat : ContractIds.CATEGORIES) {
            perCategory.get(cat).add(gold.categories().contains(cat), cats.contains(cat));
        }
        micro.add(gold.categories(), cats);
        relevance.add(gold.relevant(), got.relevant());
        countries.add(gold.countries(), got.countries());
        groups.add(gold.groups(), got.groups());
        String sev = got.severity() == null ? "none" : got.severity().id();
        if (sev.equals(gold.severity())) {
            severityRight++;
        }
        int cost = 3 * (gold.relevant() == got.relevant() ? 0 : 1)
                + 2 * symmetricDifference(gold.categories(), cats)
                + symmetricDifference(gold.countries(), got.countries())
                + symmetricDifference(gold.groups(), got.groups());
        if (cost > 0) {
            misses.add(new Miss(id, cost, gold, got));
        }
    }

    double macroF1() {
        return perCategory.values().stream().filter(c -> c.tp + c.fp + c.fn > 0)
                .mapToDouble(Counts::f1).average().orElse(0);
    }

    double severityAccuracy() {
        return items == 0 ? 0 : (double) severityRight / items;
    }

    List<Miss> worst(int n) {
        return misses.stream().sorted(Comparator.comparingInt(Miss::cost).reversed().thenComparing(Miss::id))
                .limit(n).toList();
    }

    private static int symmetricDifference(List<String> a, List<String> b) {
        int d = 0;
        for (String x : a) {
            d += b.contains(x) ? 0 : 1;
        }
        for (String x : b) {
            d += a.contains(x) ? 0 : 1;
        }
        return d;
    }
}
