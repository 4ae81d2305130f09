package org.karaul.processor.engine;

import java.util.List;

/**
 * A {@link org.karaul.processor.taxonomy.Matcher} after analysis, which both engines compile: each
 * alternative is the phrase of analysed terms it stands for (one term for a word, {@code stem*}
 * for a prefix, {@code #acronym} for an upper-case-only term).
 *
 * @param terms  alternatives of the plain rule, or of the first side of a proximity rule
 * @param near   alternatives of the second side; empty for a plain rule
 * @param within most words between the two sides
 */
record AnalysedRule(List<List<String>> terms, List<List<String>> near, int within) {
    AnalysedRule {
        terms = List.copyOf(terms);
        near = List.copyOf(near);
    }

    boolean isProximity() {
        return !near.isEmpty();
    }
}
