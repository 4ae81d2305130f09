package org.karaul.alerts.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/** The spans the desk shows trends over, each cut into bins aligned to UTC. */
public enum TrendRange {
    DAY("24h", Duration.ofHours(1), 24),
    WEEK("7d", Duration.ofHours(6), 28),
    MONTH("30d", Duration.ofDays(1), 30);

    private final String label;
    private final Duration bin;
    private final int bins;

    TrendRange(String label, Duration bin, int bins) {
        this.label = label;
        this.bin = bin;
        this.bins = bins;
    }

    /** The range named by {@code label} (24h, 7d or 30d). */
    public static TrendRange of(String label) {
        String l = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.label.equals(l)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("range must be 24h, 7d or 30d, not '" + label + "'"));
    }

    public String label() {
        return label;
    }

    public Duration bin() {
        return bin;
    }

    public int bins() {
        return bins;
    }

    /** Start of the first bin when the last one holds {@code now}. */
    Instant first(Instant now) {
        long size = bin.toSeconds();
        long last = Math.floorDiv(now.getEpochSecond(), size) * size;
        return Instant.ofEpochSecond(last - size * (bins - 1));
    }
}
