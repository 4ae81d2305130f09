package org.karaul.ingest.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Dates as feeds write them: RFC 822/1123 (with the usual sloppiness) and W3C-DTF / ISO 8601. To UTC. */
public final class FeedDates {
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("UT", "+0000"), Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"), Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));
    private static final List<DateTimeFormatter> RFC822 = List.of(
            rfc("d MMM yyyy H:mm[:ss] Z"), rfc("d MMM yy H:mm[:ss] Z"), rfc("d MMMM yyyy H:mm[:ss] Z"));

    private FeedDates() {
    }

    private static DateTimeFormatter rfc(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }

    /** The instant a date string names, or empty when it is not a date we can read. */
    public static Optional<Instant> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.trim().replaceAll("\\s+", " ");
        return iso(s).or(() -> rfc822(s));
    }

    private static Optional<Instant> iso(String s) {
        String t = s.replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(t.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant());
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return Optional.of(LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s)
                    .atStartOfDay().toInstant(ZoneOffset.UTC)).filter(i -> s.length() == 10);
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> rfc822(String s) {
        String t = s.replaceFirst("^[A-Za-z]{2,9},?\\s*", "");
        String[] parts = t.split(" ");
        String last = parts[parts.length - 1].toUpperCase(Locale.ROOT);
        if (ZONES.containsKey(last)) {
            t = t.substring(0, t.length() - last.length()) + ZONES.get(last);
        } else if (!last.matches("[+-]\\d{4}")) {
            t = t + (last.matches("[+-]\\d\\d:\\d\\d") ? "" : " +0000");
            t = t.replaceAll("([+-]\\d\\d):(\\d\\d)$", "$1$2");
        }
        for (DateTimeFormatter f : RFC822) {
            try {
                ZonedDateTime z = ZonedDateTime.parse(t, f);
                int year = z.get(ChronoField.YEAR);
                return Optional.of((year < 100 ? z.plusYears(year < 50 ? 2000 : 1900) : z).toInstant());
            } catch (DateTimeParseException ignored) {
                // next pattern
            }
        }
        return Optional.empty();
    }
}
