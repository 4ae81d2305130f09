package org.karaul.export.stix;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** STIX timestamps: RFC 3339 in UTC with exactly three fractional digits and {@code Z}. */
public final class StixTime {
    /** The created and modified time of the objects Karaul shares across reports (identity, locations, groups). */
    public static final Instant REFERENCE = Instant.parse("2026-01-01T00:00:00Z");

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private StixTime() {
    }

    /** {@code 2026-03-14T08:10:00.000Z}; the instant is cut to the millisecond. */
    public static String format(Instant t) {
        return FORMAT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }
}
