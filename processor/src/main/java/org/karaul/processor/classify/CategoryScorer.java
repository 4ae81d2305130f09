package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
    private static final Comparator<Span> READING = Comparator.comparing((Span s) -> !s.field().equals("title"))
            .thenComparingInt(Span::start).thenComparingInt(Span::end);
    private final Taxonomy taxonomy;

    CategoryScorer(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    List<CategoryScore> score(Fired fired) {
        List<CategoryScore> passed = new ArrayList<>();
        for (CategoryRule rule : taxonomy.categories()) {
            CategoryScore s = scoreOne(rule, fired);
            if (s != null) {
                passed.add(s);
            }
        }
        Set<String> labelled = passed.stream().map(s -> s.rule().id()).collect(Collectors.toSet());
        return passed.stream()
                .filter(s -> s.rule().suppressedBy().stream().noneMatch(labelled::contains))
                .sorted(Comparator.comparingDouble(CategoryScore::rank).reversed())
                .limit(MAX_LABELS)
                .toList();
    }

    private CategoryScore scoreOne(CategoryRule rule, Fired fired) {
        double score = 0;
        double rank = 0;
        Set<Span> spans = new TreeSet<>(READING);
        List<Signal> signals = rule.signals();
        for (int i = 0; i < signals.size(); i++) {
            List<Span> hit = fired.spans(new RuleKey(RuleKey.Kind.SIGNAL, rule.id(), i, signals.get(i).matcher().lang()));
            if (hit.isEmpty()) {
                continue;
            }
            double w = signals.get(i).weight();
            score += w;
            rank += w;
            if (w > 0) {
                spans.addAll(hit);
                if (hit.stream().anyMatch(s -> s.field().equals("title"))) {
                    rank += TITLE_BONUS;
                }
            }
        }
        if (score < rule.threshold() || !requiredContext(rule, fired) || excluded(rule, fired)) {
            return null;
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
            return fired.raw().fired().keySet().stream().anyMatch(k -> k.kind() == RuleKey.Kind.GROUP);
        }
        List<Matcher> matchers = taxonomy.contexts().get(ctx);
        for (int i = 0; i < matchers.size(); i++) {
            if (fired.fires(new RuleKey(RuleKey.Kind.CONTEXT, ctx, i, matchers.get(i).lang()))) {
                return true;
            }
        }
        return false;
    }

    private boolean excluded(CategoryRule rule, Fired fired) {
        List<Matcher> exclude = rule.exclude();
        for (int i = 0; i < exclude.size(); i++) {
            if (fired.raw().has(new RuleKey(RuleKey.Kind.EXCLUDE, rule.id(), i, exclude.get(i).lang()))) {
                return true;
            }
        }
        return false;
    }

    /** One line per category with any signal fired: score, threshold and the signals, for analysts tuning rules. */
    List<String> explain(Fired fired) {
        List<String> lines = new ArrayList<>();
        for (CategoryRule rule : taxonomy.categories()) {
            StringBuilder b = new StringBuilder();
            double score = 0;
            for (int i = 0; i < rule.signals().size(); i++) {
                Signal sig = rule.signals().get(i);
                if (fired.fires(new RuleKey(RuleKey.Kind.SIGNAL, rule.id(), i, sig.matcher().lang()))) {
                    score += sig.weight();
                    b.append(" s").append(i).append('(').append(sig.weight()).append(')');
                }
            }
            if (b.length() > 0) {
                lines.add(String.format(java.util.Locale.ROOT, "%s score %.2f / %.2f%s%s%s", rule.id(), score, rule.threshold(), b,
                        requiredContext(rule, fired) ? "" : " [context missing]", excluded(rule, fired) ? " [excluded]" : ""));
            }
        }
        return lines;
    }
}
