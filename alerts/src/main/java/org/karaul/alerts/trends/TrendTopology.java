package org.karaul.alerts.trends;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.JsonSerde;
import org.karaul.streams.Changelogs;

/**
 * The trend counts, a branch of the alerts stream (added by {@code AlertsTopology.build}):
 *
 * <pre>
 * (developments) ──trend-deltas (store trends-seen-by-family: item count per development)──▶ (category|country, delta)
 *     ──repartition trends-by-cell (1 partition)──▶ hourly windows, 1 h grace ──trend-counts (window store trends-hourly, 32 days)
 * </pre>
 * The cells go through one partition, as they did when the grouping ran in one task: the counts are small, and an
 * upgraded deployment keeps its repartition topic and the changelog of its 32 days of counts (a partition count other
 * than theirs would stop start-up).
 * Windows are in the time of the item that moved the development (its raw record's time), so a replay counts
 * into the hours the items arrived in. An item is counted once per category × country of its development.
 */
public final class TrendTopology {
    /** Hourly counts per {@code category|country}, kept 32 days. */
    public static final String COUNTS_STORE = "trends-hourly";
    static final String SEEN_STORE = "trends-seen-by-family";
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration GRACE = Duration.ofHours(1);
    static final Duration RETENTION = Duration.ofDays(32);

    private TrendTopology() {
    }

    /** Adds the trend branch to {@code builder}, fed by the developments stream. */
    public static void addTo(StreamsBuilder builder, KStream<String, Development> developments) {
        builder.addStateStore(Changelogs.compactedSoon(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(SEEN_STORE), Serdes.String(), Serdes.Integer())));
        JsonSerde<TrendCell> cells = new JsonSerde<>(TrendCell.class);
        developments.process(TrendDeltas::new, Named.as("trend-deltas"), SEEN_STORE)
                .repartition(Repartitioned.with(Serdes.String(), cells).withName("trends-by-cell").withNumberOfPartitions(1))
                .groupByKey(Grouped.with(Serdes.String(), cells))
                .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, GRACE))
                .aggregate(() -> TrendCell.EMPTY, (cell, delta, sum) -> sum.plus(delta), Named.as("trend-counts"),
                        Materialized.<String, TrendCell, WindowStore<Bytes, byte[]>>as(COUNTS_STORE)
                                .withStoreType(Materialized.StoreType.IN_MEMORY).withRetention(RETENTION)
                                .withKeySerde(Serdes.String()).withValueSerde(cells));
    }

    static String cell(String category, String country) {
        return category + "|" + country;
    }
}
