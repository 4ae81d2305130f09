package org.karaul.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An analyst's mark on a development, kept on the compacted {@code karaul.feedback} topic keyed by the development id:
 * the latest mark wins, a tombstone clears it. It records who marked it and the categories and alert rule the
 * development carried then, so the precision of each rule and category can be counted from this topic alone.
 *
 * @param developmentId the development marked
 * @param mark          the verdict
 * @param duplicateOf   for {@link TriageMark#DUPLICATE}, the development it repeats; null otherwise
 * @param note          the analyst's note, or null
 * @param by            who marked it (the desk login, or the name given on a loopback desk)
 * @param at            when
 * @param categories    category ids of the development when marked
 * @param ruleId        the alert rule that alerted on it, or null when it was marked without an alert
 */
public record Triage(String developmentId, TriageMark mark, String duplicateOf, String note, String by, Instant at,
                     List<String> categories, String ruleId) {
    /** Longest note kept. */
    public static final int MAX_NOTE = 2000;

    public Triage {
        Objects.requireNonNull(developmentId, "developmentId");
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (mark == TriageMark.DUPLICATE && (duplicateOf == null || duplicateOf.isBlank())) {
            throw new IllegalArgumentException("development " + developmentId + " marked duplicate without duplicateOf");
        }
        if (mark != TriageMark.DUPLICATE) {
            duplicateOf = null;
        }
        if (developmentId.equals(duplicateOf)) {
            throw new IllegalArgumentException("development " + developmentId + " marked a duplicate of itself");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note of " + note.length() + " characters is over " + MAX_NOTE);
        }
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
