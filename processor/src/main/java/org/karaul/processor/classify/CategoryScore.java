package org.karaul.processor.classify;

import java.util.List;
import org.karaul.processor.engine.Span;
import org.karaul.processor.taxonomy.CategoryRule;

/**
 * A category whose signals reached its threshold.
 *
 * @param rule  the category
 * @param score summed weight of the fired signals
 * @param rank  score plus a small bonus for signals in the title, to order candidates
 * @param spans spans of the positive signals that fired, in reading order
 */
record CategoryScore(CategoryRule rule, double score, double rank, List<Span> spans) {

    /** Confidence in [0, 1]: one half at the threshold, rising towards one. */
    double confidence() {
        return Math.round((1 - Math.pow(0.5, score / rule.threshold())) * 1000) / 1000.0;
    }
}
