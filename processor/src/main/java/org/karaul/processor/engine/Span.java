package org.karaul.processor.engine;

import java.util.Comparator;
import org.karaul.contract.Evidence;

/**
 * Where a rule fired.
 *
 * @param field {@code title} or {@code text}
 * @param start first character
 * @param end   one past the last character
 */
public record Span(String field, int start, int end) {
    /** Title before text, then by start, then by end. */
    public static final Comparator<Span> READING_ORDER = Span::compareReading;

    private static int compareReading(Span a, Span b) {
        boolean aTitle = a.field.equals("title");
        if (aTitle != b.field.equals("title")) {
            return aTitle ? -1 : 1;
        }
        return a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(a.end, b.end);
    }

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
