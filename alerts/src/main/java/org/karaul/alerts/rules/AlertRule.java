package org.karaul.alerts.rules;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceRef;

/**
 * One resolved rule: the defaults with the category's and then the country's overrides applied.
 *
 * @param id                  {@code default}, {@code category:<id>}, {@code country:<cc>} or both joined with {@code +}
 * @param minSeverity         developments below it raise no alert
 * @param corroboration       independent sources needed per severity (missing = 1)
 * @param trustedGrades       a source with one of these grades is enough on its own
 * @param cooldown            least time between two alerts on one development
 * @param realertOnEscalation whether an escalation of an alerted development raises a second alert
 */
public record AlertRule(String id, Severity minSeverity, Map<Severity, Integer> corroboration,
                        Set<String> trustedGrades, Duration cooldown, boolean realertOnEscalation) {
    public AlertRule {
        corroboration = Map.copyOf(corroboration);
        trustedGrades = Set.copyOf(trustedGrades);
    }

    /** Independent sources a development of this severity needs. */
    public int sourcesNeeded(Severity severity) {
        return corroboration.getOrDefault(severity, 1);
    }

    /** Whether a development of this severity, with these sources, passes the rule. */
    public boolean passes(Severity severity, int independentSources, Iterable<SourceRef> sources) {
        if (severity == null || !severity.atLeast(minSeverity)) {
            return false;
        }
        if (independentSources >= sourcesNeeded(severity)) {
            return true;
        }
        for (SourceRef s : sources) {
            if (s.grade() != null && trustedGrades.contains(s.grade())) {
                return true;
            }
        }
        return false;
    }
}
