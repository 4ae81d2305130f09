package org.karaul.contract;

import java.util.List;

/**
 * What produced an alert: enough to explain and replay it.
 *
 * @param taxonomyVersion taxonomy version the items were classified with
 * @param ruleId          id of the alert rule that fired
 * @param origins         raw-topic offsets of the items behind the alert
 */
public record Lineage(String taxonomyVersion, String ruleId, List<SourceOffset> origins) {
    public Lineage {
        origins = origins == null ? List.of() : List.copyOf(origins);
    }
}
