package org.karaul.alerts.develop;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.karaul.contract.kafka.JsonSerde;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.SizeLimit;
import org.karaul.streams.ProcessIdStore;

/**
 * The development stage, added to the alerts service's one topology by {@code AlertsTopology.build} (the diagram of
 * the whole is there):
 *
 * <pre>
 * karaul.items.classified ─relevant─▶ one key ─repartition(1)─▶ group (store developments-open) ─▶ (developments)
 *                                                                  ├─ punctuation: close quiet ones ─┤
 *                                                                  └─ spikes (store developments-spikes) ─┘
 * </pre>
 * Every relevant item goes to one partition, because copies of one story arrive under different item ids and
 * must meet in one place; the volume (thousands of items a day) is far below what one task handles.
 *
 * <p>The key of a classified item is not used (items are grouped by content), so a missing or wrong key is no
 * error here. A value that is too large, unreadable, the JSON literal {@code null} or missing, and any record the
 * grouping throws on, is dead-lettered to {@code karaul.items.classified.dlq} by the {@code DeadLetterHandler}
 * that {@code AlertsApp} installs.
 *
 * <p>The stores are in memory, rebuilt from their changelogs at each start (open developments and spike counts are
 * small; after a kill -9 under exactly-once Streams would wipe and rebuild persistent ones anyway); the empty
 * {@link ProcessIdStore} keeps the process id, and so the transactional ids, of the whole application across
 * restarts.
 */
public final class DevelopmentTopology {
    /** Open developments by id. */
    public static final String OPEN_STORE = "developments-open";
    /** New-story counts per category and country, for spikes. */
    public static final String SPIKE_STORE = "developments-spikes";
    /** Keeps the instance's process id, and so its transactional ids, across restarts ({@link ProcessIdStore}). */
    static final String PROCESS_ID_STORE = "alerts-process-id";
    static final String DESK_KEY = "desk";
    /** Name of the one-partition repartition step all relevant items go through. */
    static final String DESK = "developments-desk";

    private DevelopmentTopology() {
    }

    /**
     * Adds the stage to {@code builder}, reading {@code karaul.items.classified}.
     *
     * @param maxItemBytes largest classified item read, and largest development made; an item over it, or one
     *                     that would make its development larger, is dead-lettered (under exactly-once a record
     *                     too large for its topic would stall the stage)
     * @return the developments, keyed by id, each time one changes (not yet written anywhere)
     */
    public static KStream<String, Development> addTo(StreamsBuilder builder, GroupingRules rules, Duration punctuateEvery,
                                                     MeterRegistry metrics, int maxItemBytes) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(OPEN_STORE), Serdes.String(),
                new JsonSerde<>(DevelopmentState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SPIKE_STORE), Serdes.String(),
                new JsonSerde<>(SpikeState.class)));
        builder.addStateStore(ProcessIdStore.builder(PROCESS_ID_STORE));
        return builder.stream(Topics.ITEMS_CLASSIFIED.name(),
                        Consumed.with(Serdes.String(), SizeLimit.of(Topics.ITEMS_CLASSIFIED.valueSerde(), maxItemBytes))
                                .withName("read-classified-items"))
                .filter((id, c) -> requireValue(c).relevant(), Named.as("relevant-items"))
                .selectKey((id, c) -> DESK_KEY, Named.as("key-by-desk"))
                .repartition(Repartitioned.with(Serdes.String(), Topics.ITEMS_CLASSIFIED.valueSerde())
                        .withName(DESK).withNumberOfPartitions(1))
                .process(() -> new DevelopmentProcessor(rules, punctuateEvery, metrics, maxItemBytes),
                        Named.as("group-developments"), OPEN_STORE, SPIKE_STORE, PROCESS_ID_STORE);
    }

    /** The internal topic of the one-partition grouping in the application {@code applicationId}. */
    public static String deskTopic(String applicationId) {
        return applicationId + "-" + DESK + "-repartition";
    }

    /** A tombstone is not an item: refused, so the dead-letter handler reports it with its offset. */
    private static ClassifiedItem requireValue(ClassifiedItem c) {
        if (c == null) {
            throw new IllegalArgumentException("record has no value");
        }
        return c;
    }
}
