package org.karaul.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Severity of a category, an item or a development, from least to most urgent. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** The next step up, capped at {@link #CRITICAL}. */
    public Severity escalate() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a severity id such as {@code high}; throws naming the bad value. */
    @JsonCreator
    public static Severity of(String id) {
        if (id == null) {
            throw new IllegalArgumentException("severity is missing; expected one of info, low, medium, high, critical");
        }
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + id + "'; expected one of info, low, medium, high, critical", e);
        }
    }
}
