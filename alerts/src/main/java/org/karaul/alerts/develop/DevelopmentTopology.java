package org.karaul.alerts.develop;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import org.karaul.contract.kafka.GroupingKey;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.SizeLimit;
import org.karaul.streams.ProcessIdStore;
import org.karaul.streams.Changelogs;
import org.karaul.streams.StateSerde;

/**
 * The development stage, added to the alerts service's one topology by {@code AlertsTopology.build} (the diagram of
 * the whole is there):
 *
 * <pre>
 * karaul.items.classified (partition p) ─relevant─▶ group (store developments-open-by-family) ─▶ (developments)
 *                                                    ├─ punctuation: close quiet ones ────────────┤
 *                                                    └─ spikes (store developments-spikes-by-family) ┘
 * </pre>
 * Copies of one story arrive under different item ids and must meet in one place. The processor writes every
 * relevant item to the partition of {@code karaul.items.classified} that its {@link GroupingKey} names (the cluster of
 * its leading category's family), so the stage groups straight from that topic, one task per partition, with no repartition
 * topic: an item is readable as an alert two commits after it is read raw (classified, then grouped and alerted).
 * Instances of the service under one application id share the partitions' tasks. An item on another partition (one
 * written before the upgrade, say) is grouped in the partition it is on.
 *
 * <p>The key of a classified item is not used (items are grouped by content), so a missing or wrong key is no
 * error here. A value that is too large, unreadable, the JSON literal {@code null} or missing, and any record the
 * grouping throws on, is dead-lettered to {@code karaul.items.classified.dlq} by the {@code DeadLetterHandler}
 * that {@code AlertsApp} installs.
 *
 * <p>The stores are in memory, rebuilt from their changelogs at each start (open developments and spike counts are
 * small; after a kill -9 under exactly-once Streams would wipe and rebuild persistent ones anyway); the empty
 * {@link ProcessIdStore} keeps the process id, and so the transactional ids, of the whole application across
 * restarts. Their names end in {@code -by-family} since their changelogs have as many partitions as the classified
 * topic; the former one-partition stores are left behind at the upgrade (see {@code alerts/ALERTS.md}).
 */
public final class DevelopmentTopology {
    /** Open developments by id. */
    public static final String OPEN_STORE = "developments-open-by-family";
    /** New-story counts per category and country, for spikes. */
    public static final String SPIKE_STORE = "developments-spikes-by-family";
    /** Keeps the instance's process id, and so its transactional ids, across restarts ({@link ProcessIdStore}). */
    static final String PROCESS_ID_STORE = "alerts-process-id";

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
        builder.addStateStore(Changelogs.compactedSoon(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(OPEN_STORE), Serdes.String(), StateSerde.of(DevelopmentState.class))));
        builder.addStateStore(Changelogs.compactedSoon(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(SPIKE_STORE), Serdes.String(), StateSerde.of(SpikeState.class))));
        builder.addStateStore(ProcessIdStore.builder(PROCESS_ID_STORE));
        return builder.stream(Topics.ITEMS_CLASSIFIED.name(),
                        Consumed.with(Serdes.String(), SizeLimit.of(Topics.ITEMS_CLASSIFIED.valueSerde(), maxItemBytes))
                                .withName("read-classified-items"))
                .filter((id, c) -> requireValue(c).relevant(), Named.as("relevant-items"))
                .process(() -> new DevelopmentProcessor(rules, punctuateEvery, metrics, maxItemBytes),
                        Named.as("group-developments"), OPEN_STORE, SPIKE_STORE, PROCESS_ID_STORE);
    }

    /** The changelog topic of the store {@code store} in the application {@code applicationId}. */
    public static String changelog(String applicationId, String store) {
        return applicationId + "-" + store + "-changelog";
    }

    /** A tombstone is not an item: refused, so the dead-letter handler reports it with its offset. */
    private static ClassifiedItem requireValue(ClassifiedItem c) {
        if (c == null) {
            throw new IllegalArgumentException("record has no value");
        }
        return c;
    }
}
