package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Evidence;
import org.karaul.contract.Severity;
import org.karaul.processor.learn.CategoryModel;
import org.karaul.processor.learn.Features;
import org.karaul.processor.taxonomy.CategoryRule;
import org.karaul.processor.taxonomy.Taxonomy;

/**
 * The learned model's say, after the rules: on an item with a regional link, a category the rules
 * saw some sign of but did not give is added when the model is confident ({@value #ALONE} alone,
 * {@value #BESIDE} beside a rule label), up to the two-label cap. Its evidence is the words that raised that category most.
 * The rules' labels are never removed. Runs only on items that reach it (a regional link, fewer than
 * two rule labels), which keeps its cost off most of a feed.
 */
final class SecondOpinion {
    static final double ALONE = 0.3;
    static final double BESIDE = 0.3;
    private static final int EVIDENCE_WORDS = 3;
    private final CategoryModel model;
    private final double alone;
    private final double beside;
    private final Features features;
    private final Map<String, CategoryRule> rules = new HashMap<>();

    SecondOpinion(CategoryModel model, Taxonomy taxonomy) {
        this(model, taxonomy, ALONE, BESIDE);
    }

    /** With other thresholds: for choosing them on part of the tuning fold. */
    SecondOpinion(CategoryModel model, Taxonomy taxonomy, double alone, double beside) {
        this.model = model;
        this.alone = alone;
        this.beside = beside;
        this.features = new Features(model.usesPairs());
        taxonomy.categories().forEach(r -> rules.put(r.id(), r));
    }

    /**
     * The categories to add to {@code given} (the rules' labels), highest probability first, chosen
     * among {@code candidates} (categories the rules saw some sign of) and never one that a given
     * label suppresses (threat words inside an exercise stay no threat) or that yields to a given label (it would rank
     * below it).
     */
    List<CategoryLabel> extra(Document doc, String lang, Set<String> given, Set<String> candidates, boolean escalate) {
        if (given.size() >= CategoryScorer.MAX_LABELS || candidates.stream().noneMatch(id -> eligible(id, given))) {
            // no category the model could add, whatever its probability: the item's analysis is skipped
            return List.of();
        }
        Map<String, Evidence> words = features.of(doc.title(), doc.text(), lang);
        double floor = given.isEmpty() ? alone : beside;
        List<Map.Entry<String, Double>> likely = new ArrayList<>();
        model.probabilities(words.keySet()).forEach((id, p) -> {
            if (p >= floor && candidates.contains(id) && eligible(id, given)) {
                likely.add(Map.entry(id, p));
            }
        });
        likely.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        List<CategoryLabel> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : likely) {
            if (given.size() + out.size() >= CategoryScorer.MAX_LABELS) {
                break;
            }
            CategoryRule rule = rules.get(e.getKey());
            Severity sev = escalate && rule.escalates() ? rule.severity().escalate() : rule.severity();
            List<Evidence> ev = model.contributors(e.getKey(), words.keySet(), EVIDENCE_WORDS).stream()
                    .map(words::get).sorted(Comparator.comparing(Evidence::field).reversed().thenComparingInt(Evidence::start)).toList();
            out.add(new CategoryLabel(e.getKey(), sev, Math.round(e.getValue() * 1000) / 1000.0, ev));
        }
        return out;
    }

    /** Whether the model may add {@code id} beside {@code given}: a known category, not given, neither suppressed by nor yielding to a given one. */
    private boolean eligible(String id, Set<String> given) {
        CategoryRule rule = rules.get(id);
        return rule != null && !given.contains(id) && Collections.disjoint(rule.suppressedBy(), given)
                && Collections.disjoint(rule.yieldsTo(), given);
    }
}
