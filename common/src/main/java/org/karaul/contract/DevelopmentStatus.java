package org.karaul.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Lifecycle of a development: opened, then updated or escalated by later items, closed after quiet. */
public enum DevelopmentStatus {
    OPENED, UPDATED, ESCALATED, CLOSED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DevelopmentStatus of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
