package org.karaul.alerts.trends;

import java.time.Instant;
import java.util.List;

/**
 * The desk's trend view: the busiest category × country cells over a range, bin by bin, with the spikes the
 * development stage raised in that range.
 *
 * @param range    24h, 7d or 30d
 * @param binStart start of each bin (UTC), oldest first
 * @param series   the busiest cells, most items first
 * @param spikes   spikes whose window overlaps the range
 */
public record Trends(String range, List<Instant> binStart, List<Series> series, List<SpikeMark> spikes) {

    /**
     * @param items        items per bin that joined developments of this cell
     * @param developments developments of this cell opened per bin
     */
    public record Series(String category, String country, long[] items, long[] developments, long totalItems,
                         long totalDevelopments) {
    }

    /** A spike: stories observed in its window against those expected from the windows before. */
    public record SpikeMark(String developmentId, String category, String country, Instant windowStart,
                            Instant windowEnd, int observed, double expected) {
    }
}
