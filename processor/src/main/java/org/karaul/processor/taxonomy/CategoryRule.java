package org.karaul.processor.taxonomy;

import java.util.List;
import org.karaul.contract.Severity;

/**
 * How one contract category is recognised.
 *
 * @param id           contract category id, e.g. {@code terrorism.attack}
 * @param severity     base severity
 * @param escalates    whether deaths, injuries or an event in progress raise it one step
 * @param threshold    minimum summed weight of the fired signals
 * @param signals      weighted indicators
 * @param requires     conditions that must all hold; each is a set of context names of which at least
 *                     one must fire ({@code [online_media, [extremist_content, any_group]]})
 * @param exclude      matchers that cancel the category when any fires
 * @param suppressedBy category ids that, when labelled, cancel this one (exercise scenarios, fakes)
 * @param yieldsTo     sibling category ids that, when labelled with a rank at least this one's, cancel it: the
 *                     lesser of two readings of one event (an incursion or a clash of two states), or a passing
 *                     mention of a sibling inside the leading one's story (the fighters that financing paid)
 */
public record CategoryRule(
        String id,
        Severity severity,
        boolean escalates,
        double threshold,
        List<Signal> signals,
        List<List<String>> requires,
        List<Matcher> exclude,
        List<String> suppressedBy,
        List<String> yieldsTo) {

    public CategoryRule {
        signals = List.copyOf(signals);
        requires = requires.stream().map(List::copyOf).toList();
        exclude = List.copyOf(exclude);
        suppressedBy = List.copyOf(suppressedBy);
        yieldsTo = List.copyOf(yieldsTo);
    }

    /** A rule that yields to no sibling. */
    public CategoryRule(String id, Severity severity, boolean escalates, double threshold, List<Signal> signals,
            List<List<String>> requires, List<Matcher> exclude, List<String> suppressedBy) {
        this(id, severity, escalates, threshold, signals, requires, exclude, suppressedBy, List.of());
    }
}
