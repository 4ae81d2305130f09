package org.karaul.processor.classify;

import java.util.List;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Severity;

/**
 * The classifier's verdict on one document, in the contract's terms.
 *
 * @param relevant        in scope: a security development with a link to the region
 * @param severity        highest category severity after escalation; null when not relevant
 * @param categories      labels with evidence; empty when not relevant
 * @param countries       ISO alpha-2 codes, most important first, at most three
 * @param groups          canonical group ids
 * @param taxonomyVersion version of the taxonomy that decided
 */
public record Classification(
        boolean relevant,
        Severity severity,
        List<CategoryLabel> categories,
        List<String> countries,
        List<String> groups,
        String taxonomyVersion) {

    public Classification {
        categories = categories == null ? List.of() : List.copyOf(categories);
        countries = countries == null ? List.of() : List.copyOf(countries);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** Not relevant: no labels. */
    public static Classification irrelevant(String taxonomyVersion) {
        return new Classification(false, null, List.of(), List.of(), List.of(), taxonomyVersion);
    }
}
