package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.karaul.processor.engine.RuleBook;
import org.karaul.processor.engine.RuleKey;
import org.karaul.processor.engine.Span;
import org.karaul.processor.taxonomy.CategoryRule;
import org.karaul.processor.taxonomy.Matcher;
import org.karaul.processor.taxonomy.Signal;
import org.karaul.processor.taxonomy.Taxonomy;

/**
 * Applies category rules to fired matches: weighted signals against a threshold, required
 * contexts, exclusions, suppression by another category, and at most {@value #MAX_LABELS} labels.
 */
final class CategoryScorer {
    static final int MAX_LABELS = 2;
    private static final double TITLE_BONUS = 0.25;
    private final List<CategoryRule> categories;
    /** Per category (in taxonomy order): the slots of its signals and of its exclusions. */
    private final int[][] signalSlots;
    private final int[][] excludeSlots;
    private final Map<String, int[]> contextSlots = new HashMap<>();

    CategoryScorer(Taxonomy taxonomy, RuleBook book) {
        this.categories = taxonomy.categories();
        this.signalSlots = new int[categories.size()][];
        this.excludeSlots = new int[categories.size()][];
        for (int c = 0; c < categories.size(); c++) {
            CategoryRule rule = categories.get(c);
            List<Matcher> signals = rule.signals().stream().map(Signal::matcher).toList();
            signalSlots[c] = RuleRegistrar.slots(book, RuleKey.Kind.SIGNAL, rule.id(), signals);
            excludeSlots[c] = RuleRegistrar.slots(book, RuleKey.Kind.EXCLUDE, rule.id(), rule.exclude());
        }
        taxonomy.contexts().forEach((name, matchers) ->
                contextSlots.put(name, RuleRegistrar.slots(book, RuleKey.Kind.CONTEXT, name, matchers)));
    }

    List<CategoryScore> score(Fired fired) {
        List<CategoryScore> passed = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            CategoryScore s = scoreOne(c, fired);
            if (s != null) {
                passed.add(s);
            }
        }
        if (passed.isEmpty()) {
            return List.of();
        }
        Set<String> labelled = passed.stream().map(s -> s.rule().id()).collect(Collectors.toSet());
        return passed.stream()
                .filter(s -> s.rule().suppressedBy().stream().noneMatch(labelled::contains))
                .sorted(Comparator.comparingDouble(CategoryScore::rank).reversed())
                .limit(MAX_LABELS)
                .toList();
    }

    /** The category's score when it passes, with the spans of its positive signals; null otherwise. */
    private CategoryScore scoreOne(int c, Fired fired) {
        CategoryRule rule = categories.get(c);
        List<Signal> signals = rule.signals();
        double score = 0;
        for (int i = 0; i < signals.size(); i++) {
            if (fired.fires(signalSlots[c][i])) {
                score += signals.get(i).weight();
            }
        }
        if (score <= 0 || score < rule.threshold() || !requiredContext(rule, fired) || excluded(c, fired)) {
            return null;
        }
        double rank = score;
        Set<Span> spans = new TreeSet<>(Span.READING_ORDER);
        for (int i = 0; i < signals.size(); i++) {
            if (signals.get(i).weight() > 0 && fired.raw().has(signalSlots[c][i])) {
                List<Span> hit = fired.spans(signalSlots[c][i]);
                spans.addAll(hit);
                if (hit.stream().anyMatch(s -> s.field().equals("title"))) {
                    rank += TITLE_BONUS;
                }
            }
        }
        return new CategoryScore(rule, score, rank, List.copyOf(spans));
    }

    private boolean requiredContext(CategoryRule rule, Fired fired) {
        for (List<String> anyOf : rule.requires()) {
            if (anyOf.stream().noneMatch(ctx -> contextFires(ctx, fired))) {
                return false;
            }
        }
        return true;
    }

    private boolean contextFires(String ctx, Fired fired) {
        if (Taxonomy.ANY_GROUP.equals(ctx)) {
            for (int i = 0; i < fired.raw().firedCount(); i++) {
                if (fired.raw().key(fired.raw().firedSlot(i)).kind() == RuleKey.Kind.GROUP) {
                    return true;
                }
            }
            return false;
        }
        return fired.firesAny(contextSlots.get(ctx));
    }

    private boolean excluded(int c, Fired fired) {
        for (int slot : excludeSlots[c]) {
            if (fired.raw().has(slot)) {
                return true;
            }
        }
        return false;
    }

    /** One line per category with any signal fired: score, threshold and the signals, for analysts tuning rules. */
    List<String> explain(Fired fired) {
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            CategoryRule rule = categories.get(c);
            StringBuilder b = new StringBuilder();
            double score = 0;
            for (int i = 0; i < rule.signals().size(); i++) {
                if (fired.fires(signalSlots[c][i])) {
                    score += rule.signals().get(i).weight();
                    b.append(" s").append(i).append('(').append(rule.signals().get(i).weight()).append(')');
                }
            }
            if (b.length() > 0) {
                lines.add(String.format(java.util.Locale.ROOT, "%s score %.2f / %.2f%s%s%s", rule.id(), score, rule.threshold(), b,
                        requiredContext(rule, fired) ? "" : " [context missing]", excluded(c, fired) ? " [excluded]" : ""));
            }
        }
        return lines;
    }
}
