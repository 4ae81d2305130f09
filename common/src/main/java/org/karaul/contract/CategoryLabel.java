package org.karaul.contract;

import java.util.List;

/**
 * One category an item was labelled with, and why.
 *
 * @param id       category id from the classification contract, e.g. {@code terrorism.attack}
 * @param severity the category's severity for this item, after escalation
 * @param score    confidence in [0, 1]
 * @param evidence spans that fired
 */
public record CategoryLabel(String id, Severity severity, double score, List<Evidence> evidence) {
    public CategoryLabel {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
