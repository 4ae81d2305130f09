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
 * The learned model's say, after the rules. As arbiter ({@link #arbitrate}) it may order the categories the rules
 * passed ({@link Arbiter}); as second opinion ({@link #extra}), on an item with a regional link, a category the rules
 * saw some sign of but did not give is added when the model is confident ({@value #ALONE} alone, {@value #BESIDE}
 * beside a rule label), up to the two-label cap. Its evidence is the words that raised that category most. The model
 * reads an item only where it can change something: two or more categories passed, or a free slot and a candidate.
 */
final class SecondOpinion {
    static final double ALONE = 0.3;
    static final double BESIDE = 0.3;
    /**
     * The shipped arbiter: the passed categories in the model's order, and a second label dropped when the model gives
     * it under 0.02 and its rules' score is under one and a half thresholds (cross-validated on the tuning fold:
     * +0.015 ± 0.005 micro-F1 over the rules' order; see CLASSIFIER.md, "The model as arbiter").
     */
    static final Arbiter ARBITER = new Arbiter(Order.MODEL, 0.02, 1.5);
    private static final int EVIDENCE_WORDS = 3;

    /**
     * What the model decides among the rules' own categories.
     *
     * @param order      how the passed categories are ordered before yields and the cap
     * @param keepSecond the probability below which the second rules label is dropped (0: always kept)
     * @param sureScore  the score, in thresholds, from which the rules keep a second label whatever the model says
     */
    record Arbiter(Order order, double keepSecond, double sureScore) {
        /** The rules decide alone. */
        static final Arbiter NONE = new Arbiter(Order.RULES, 0, 0);

        Arbiter(Order order, double keepSecond) {
            this(order, keepSecond, Double.POSITIVE_INFINITY);
        }
    }

    /** How the categories that passed are ordered. */
    enum Order {
        /** by the rules' rank */
        RULES,
        /** the one the model finds likeliest first, the others by rank */
        PRIMARY,
        /** all by the model's probability */
        MODEL
    }

    private final CategoryModel model;
    private final double alone;
    private final double beside;
    private final Arbiter arbiter;
    private final Features features;
    private final Map<String, CategoryRule> rules = new HashMap<>();

    SecondOpinion(CategoryModel model, Taxonomy taxonomy) {
        this(model, taxonomy, ALONE, BESIDE, ARBITER);
    }

    /** With other thresholds and arbiter: for choosing them on part of the tuning fold. */
    SecondOpinion(CategoryModel model, Taxonomy taxonomy, double alone, double beside, Arbiter arbiter) {
        this.model = model;
        this.alone = alone;
        this.beside = beside;
        this.arbiter = arbiter;
        this.features = new Features(model.usesPairs());
        taxonomy.categories().forEach(r -> rules.put(r.id(), r));
    }

    /** One item as the model reads it: its word forms and the probabilities, computed on first use. */
    final class Reading {
        private final Document doc;
        private final String lang;
        private Map<String, Evidence> words;
        private Map<String, Double> probabilities;

        private Reading(Document doc, String lang) {
            this.doc = doc;
            this.lang = lang;
        }

        Map<String, Evidence> words() {
            if (words == null) {
                words = features.of(doc.title(), doc.text(), lang);
            }
            return words;
        }

        double p(String category) {
            if (probabilities == null) {
                probabilities = model.probabilities(words().keySet());
            }
            return probabilities.getOrDefault(category, 0.0);
        }
    }

    /** A reading of {@code doc} in rule language {@code lang}; nothing is computed until asked. */
    Reading read(Document doc, String lang) {
        return new Reading(doc, lang);
    }

    /**
     * The labels among {@code ranked} (the categories that passed, highest rank first), ordered as the {@link Arbiter}
     * says, then yields and the cap as the rules apply them. The model is read only when two or more passed.
     */
    List<CategoryScore> arbitrate(Reading reading, List<CategoryScore> ranked) {
        if (ranked.size() < 2 || arbiter.equals(Arbiter.NONE)) {
            return CategoryScorer.capped(ranked);
        }
        List<CategoryScore> ordered = new ArrayList<>(ranked);
        Comparator<CategoryScore> likeliest = Comparator.comparingDouble((CategoryScore s) -> reading.p(s.rule().id())).reversed();
        if (arbiter.order() == Order.MODEL) {
            ordered.sort(likeliest);
        } else if (arbiter.order() == Order.PRIMARY) {
            CategoryScore first = Collections.min(ordered, likeliest);
            ordered.remove(first);
            ordered.add(0, first);
        }
        List<CategoryScore> out = CategoryScorer.capped(ordered);
        CategoryScore second = out.size() == 2 ? out.get(1) : null;
        if (second != null && second.score() < arbiter.sureScore() * second.rule().threshold()
                && reading.p(second.rule().id()) < arbiter.keepSecond()) {
            return List.of(out.get(0));
        }
        return out;
    }

    /**
     * The categories to add to {@code given} (the labels so far), highest probability first, chosen
     * among {@code candidates} (categories the rules saw some sign of) and never one that a given
     * label suppresses (threat words inside an exercise stay no threat) or that yields to a given label (it would rank
     * below it).
     */
    List<CategoryLabel> extra(Reading reading, Set<String> given, Set<String> candidates, boolean escalate) {
        if (given.size() >= CategoryScorer.MAX_LABELS || candidates.stream().noneMatch(id -> eligible(id, given))) {
            // no category the model could add, whatever its probability: the item's analysis is skipped
            return List.of();
        }
        double floor = given.isEmpty() ? alone : beside;
        List<Map.Entry<String, Double>> likely = new ArrayList<>();
        for (String id : candidates) {
            double p = reading.p(id);
            if (p >= floor && eligible(id, given)) {
                likely.add(Map.entry(id, p));
            }
        }
        likely.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Map<String, Evidence> words = reading.words();
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
