package org.karaul.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An analyst's verdict on a development. */
public enum TriageMark {
    /** Checked and true: the development happened as reported. */
    CONFIRMED,
    /** Not a security development in the region: the classifier or an alert rule was wrong. */
    FALSE_POSITIVE,
    /** The same story as another development ({@link Triage#duplicateOf()}). */
    DUPLICATE,
    /** Seen and acted on; nothing more to do. */
    HANDLED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a mark id such as {@code false_positive}; throws naming the bad value and the good ones. */
    @JsonCreator
    public static TriageMark of(String id) {
        String expected = Arrays.stream(values()).map(TriageMark::id).collect(Collectors.joining(", "));
        if (id == null) {
            throw new IllegalArgumentException("mark is missing; expected one of " + expected);
        }
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mark '" + id + "'; expected one of " + expected, e);
        }
    }
}
