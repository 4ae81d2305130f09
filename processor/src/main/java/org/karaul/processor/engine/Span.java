package org.karaul.processor.engine;

import org.karaul.contract.Evidence;

/**
 * Where a rule fired.
 *
 * @param field {@code title} or {@code text}
 * @param start first character
 * @param end   one past the last character
 */
public record Span(String field, int start, int end) {

    public boolean overlaps(Span other) {
        return field.equals(other.field) && start < other.end && other.start < end;
    }

    public boolean contains(Span other) {
        return field.equals(other.field) && start <= other.start && other.end <= end;
    }

    public int length() {
        return end - start;
    }

    /** Evidence quoting this span of {@code fieldText}. */
    public Evidence evidence(String fieldText) {
        int s = Math.max(0, Math.min(start, fieldText.length()));
        int e = Math.max(s, Math.min(end, fieldText.length()));
        return new Evidence(field, s, e, fieldText.substring(s, e));
    }
}
