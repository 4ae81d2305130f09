package org.karaul.alerts.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.karaul.contract.Development;

/**
 * Reads the hourly counts back for a range and folds them into its bins; the busiest {@code maxSeries} cells are
 * kept. The store comes from the running alerts stream (or a test driver); while the stream is not running the
 * supplier throws {@code InvalidStateStoreException}.
 */
public final class TrendQuery {
    private final Supplier<ReadOnlyWindowStore<String, TrendCell>> store;
    private final int maxSeries;

    public TrendQuery(Supplier<ReadOnlyWindowStore<String, TrendCell>> store, int maxSeries) {
        this.store = store;
        this.maxSeries = maxSeries;
    }

    /** The trends of {@code range} ending in the bin that holds {@code now}; spikes from the open developments given. */
    public Trends query(TrendRange range, Instant now, List<Development> open) {
        Instant first = range.first(now);
        long binSeconds = range.bin().toSeconds();
        Map<String, long[][]> cells = new HashMap<>();
        try (KeyValueIterator<Windowed<String>, TrendCell> it = store.get().fetchAll(first, now)) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, TrendCell> kv = it.next();
                int bin = (int) ((kv.key.window().startTime().getEpochSecond() - first.getEpochSecond()) / binSeconds);
                if (bin < 0 || bin >= range.bins() || kv.value == null) {
                    continue;
                }
                long[][] counts = cells.computeIfAbsent(kv.key.key(), k -> new long[2][range.bins()]);
                counts[0][bin] += kv.value.items();
                counts[1][bin] += kv.value.developments();
            }
        }
        List<Trends.Series> series = new ArrayList<>();
        cells.forEach((cell, counts) -> {
            int bar = cell.lastIndexOf('|');
            series.add(new Trends.Series(cell.substring(0, bar), cell.substring(bar + 1), counts[0], counts[1],
                    sum(counts[0]), sum(counts[1])));
        });
        series.sort(Comparator.comparingLong(Trends.Series::totalItems).reversed()
                .thenComparing(Comparator.comparingLong(Trends.Series::totalDevelopments).reversed())
                .thenComparing(Trends.Series::category).thenComparing(Trends.Series::country));
        List<Instant> bins = new ArrayList<>();
        for (int i = 0; i < range.bins(); i++) {
            bins.add(first.plusSeconds(binSeconds * i));
        }
        return new Trends(range.label(), bins, List.copyOf(series.subList(0, Math.min(maxSeries, series.size()))),
                spikes(open, first));
    }

    private static List<Trends.SpikeMark> spikes(List<Development> open, Instant from) {
        return open.stream().filter(d -> d.spike() != null && d.spike().windowEnd().isAfter(from))
                .map(d -> new Trends.SpikeMark(d.id(), d.spike().category(), d.spike().country(), d.spike().windowStart(),
                        d.spike().windowEnd(), d.spike().observed(), d.spike().expected()))
                .toList();
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
