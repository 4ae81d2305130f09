package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karaul.processor.engine.MatchResult;
import org.karaul.processor.engine.RuleBook;
import org.karaul.processor.engine.RuleKey;
import org.karaul.processor.engine.Span;
import org.karaul.processor.taxonomy.CategoryRule;
import org.karaul.processor.taxonomy.Matcher;
import org.karaul.processor.taxonomy.Signal;
import org.karaul.processor.taxonomy.Taxonomy;

/**
 * Applies category rules to fired matches: weighted signals against a threshold, required
 * contexts, exclusions, suppression by another category, yielding to a sibling ranked above, and at most
 * {@value #MAX_LABELS} labels.
 * A category whose evidence is one passing mention deep in a long text is not given ({@link StoryWeight}).
 */
final class CategoryScorer {
    static final int MAX_LABELS = 2;
    /** Highest rank first; a stable sort keeps taxonomy order among equals. */
    private static final Comparator<CategoryScore> BY_RANK = Comparator.comparingDouble(CategoryScore::rank).reversed();
    private static final double TITLE_BONUS = 0.25;
    private final List<CategoryRule> categories;
    /** Per category (in taxonomy order): the slots of its signals and of its exclusions. */
    private final int[][] signalSlots;
    private final int[][] excludeSlots;
    private final Map<String, int[]> contextSlots = new HashMap<>();
    /** Per slot: the category and signal index of a signal rule, -1 for other rules. */
    private final int[] slotCategory;
    private final int[] slotSignal;
    private final StoryWeight weight;

    CategoryScorer(Taxonomy taxonomy, RuleBook book) {
        this(taxonomy, book, StoryWeight.fromSystem());
    }

    CategoryScorer(Taxonomy taxonomy, RuleBook book, StoryWeight weight) {
        this.weight = weight;
        this.categories = taxonomy.categories();
        this.signalSlots = new int[categories.size()][];
        this.excludeSlots = new int[categories.size()][];
        this.slotCategory = new int[book.size()];
        this.slotSignal = new int[book.size()];
        Arrays.fill(slotCategory, -1);
        for (int c = 0; c < categories.size(); c++) {
            CategoryRule rule = categories.get(c);
            List<Matcher> signals = rule.signals().stream().map(Signal::matcher).toList();
            signalSlots[c] = RuleRegistrar.slots(book, RuleKey.Kind.SIGNAL, rule.id(), signals);
            excludeSlots[c] = RuleRegistrar.slots(book, RuleKey.Kind.EXCLUDE, rule.id(), rule.exclude());
            for (int i = 0; i < signalSlots[c].length; i++) {
                slotCategory[signalSlots[c][i]] = c;
                slotSignal[signalSlots[c][i]] = i;
            }
        }
        taxonomy.contexts().forEach((name, matchers) ->
                contextSlots.put(name, RuleRegistrar.slots(book, RuleKey.Kind.CONTEXT, name, matchers)));
    }

    /**
     * Scores only the categories with a fired signal, reading each one's fired signals and no others.
     * A category's signals have consecutive slots ({@link RuleRegistrar}), so they come as one run.
     */
    List<CategoryScore> score(Fired fired) {
        return capped(ranked(fired));
    }

    /**
     * Every category that passed and is not suppressed, highest rank first, before yields and the cap: the candidates
     * a learned arbiter may order ({@link SecondOpinion#arbitrate}).
     */
    List<CategoryScore> ranked(Fired fired) {
        MatchResult raw = fired.raw();
        int[] signals = new int[raw.firedCount()];
        int[] owner = new int[raw.firedCount()];
        int n = 0;
        for (int i = 0; i < raw.firedCount(); i++) {
            int slot = raw.firedSlot(i);
            if (slotCategory[slot] >= 0) {
                owner[n] = slotCategory[slot];
                signals[n++] = slotSignal[slot];
            }
        }
        List<CategoryScore> passed = new ArrayList<>();
        for (int from = 0; from < n; ) {
            int to = from;
            while (to < n && owner[to] == owner[from]) {
                to++;
            }
            CategoryScore s = scoreOne(owner[from], Arrays.copyOfRange(signals, from, to), fired);
            if (s != null) {
                passed.add(s);
            }
            from = to;
        }
        if (passed.isEmpty()) {
            return List.of();
        }
        Set<String> labelled = new HashSet<>();
        passed.forEach(s -> labelled.add(s.rule().id()));
        List<CategoryScore> kept = new ArrayList<>(passed.size());
        for (CategoryScore s : passed) {
            if (Collections.disjoint(s.rule().suppressedBy(), labelled)) {
                kept.add(s);
            }
        }
        kept.sort(BY_RANK);
        return kept;
    }

    /** The first {@value #MAX_LABELS} of {@code ordered}, leaving out a category that yields to one taken before it. */
    static List<CategoryScore> capped(List<CategoryScore> ordered) {
        List<CategoryScore> out = new ArrayList<>(MAX_LABELS);
        for (int i = 0; i < ordered.size() && out.size() < MAX_LABELS; i++) {
            if (!yields(ordered.get(i), out)) {
                out.add(ordered.get(i));
            }
        }
        return List.copyOf(out);
    }

    /** Whether a category yields to one already labelled, which ranks above it or equal and comes first. */
    private static boolean yields(CategoryScore s, List<CategoryScore> ahead) {
        for (CategoryScore a : ahead) {
            if (s.rule().yieldsTo().contains(a.rule().id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The categories whose fired signals, negative ones included, sum above zero, with their required
     * contexts and no exclusion: the candidates a second opinion may confirm (a category the rules
     * saw no sign of, or more reasons against than for, is never added).
     */
    Set<String> candidates(Fired fired) {
        MatchResult raw = fired.raw();
        double[] net = new double[categories.size()];
        for (int i = 0; i < raw.firedCount(); i++) {
            int slot = raw.firedSlot(i);
            int c = slotCategory[slot];
            if (c >= 0 && fired.fires(slot)) {
                net[c] += categories.get(c).signals().get(slotSignal[slot]).weight();
            }
        }
        Set<String> out = new HashSet<>();
        for (int c = 0; c < net.length; c++) {
            CategoryRule rule = categories.get(c);
            if (net[c] > 0 && requiredContext(rule, fired) && !excluded(c, fired) && weight.carries(positiveSpans(c, fired))) {
                out.add(rule.id());
            }
        }
        return out;
    }

    /**
     * The category's score when it passes, with the spans of its positive signals; null otherwise.
     * {@code firedSignals}: the indices of its signals that fired.
     */
    private CategoryScore scoreOne(int c, int[] firedSignals, Fired fired) {
        CategoryRule rule = categories.get(c);
        List<Signal> signals = rule.signals();
        double upperBound = 0;
        for (int i : firedSignals) {
            upperBound += Math.max(0, signals.get(i).weight());
        }
        if (upperBound <= 0 || upperBound < rule.threshold()) {
            return null; // cheap test first: negations can only lower the score
        }
        double score = 0;
        for (int i : firedSignals) {
            if (fired.fires(signalSlots[c][i])) {
                score += signals.get(i).weight();
            }
        }
        if (score <= 0 || score < rule.threshold() || !requiredContext(rule, fired) || excluded(c, fired)) {
            return null;
        }
        double rank = score;
        List<Span> spans = new ArrayList<>();
        for (int i : firedSignals) {
            if (signals.get(i).weight() > 0) {
                List<Span> hit = fired.spans(signalSlots[c][i]);
                spans.addAll(hit);
                if (!hit.isEmpty() && hit.get(0).field().equals("title")) {
                    rank += TITLE_BONUS; // spans come in reading order, title first
                }
            }
        }
        List<Span> ordered = readingOrder(spans);
        return weight.carries(ordered) ? new CategoryScore(rule, score, rank, ordered) : null;
    }

    /** The live spans of a category's fired positive signals, in reading order: one pass over the fired rules. */
    private List<Span> positiveSpans(int c, Fired fired) {
        List<Span> spans = new ArrayList<>();
        MatchResult raw = fired.raw();
        for (int i = 0; i < raw.firedCount(); i++) {
            int slot = raw.firedSlot(i);
            if (slotCategory[slot] == c && categories.get(c).signals().get(slotSignal[slot]).weight() > 0) {
                spans.addAll(fired.spans(slot));
            }
        }
        return readingOrder(spans);
    }

    /** Spans sorted in reading order, each once. */
    private static List<Span> readingOrder(List<Span> spans) {
        spans.sort(Span.READING_ORDER);
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private boolean requiredContext(CategoryRule rule, Fired fired) {
        for (List<String> anyOf : rule.requires()) {
            boolean holds = false;
            for (int i = 0; i < anyOf.size() && !holds; i++) {
                holds = contextFires(anyOf.get(i), fired);
            }
            if (!holds) {
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
