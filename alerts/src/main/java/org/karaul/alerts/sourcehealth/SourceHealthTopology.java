package org.karaul.alerts.sourcehealth;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.karaul.contract.kafka.Topics;

/**
 * The source-health branch of the alerts stream (added by {@code AlertsTopology.build} when
 * {@code alerts.sources.alerts.enabled}):
 *
 * <pre>
 * karaul.sources.status ──source-health-alerts (store source-health-memory: state last alerted per source)──▶
 *     karaul.sources.alerts
 * </pre>
 * The status topic has one partition and is keyed by source id, so each source's changes meet its memory in one task.
 */
public final class SourceHealthTopology {
    /** The state each source was last alerted in ({@code ok}, {@code silent}, {@code broken}), by source id. */
    public static final String MEMORY_STORE = "source-health-memory";

    private SourceHealthTopology() {
    }

    /** Adds the branch to {@code builder}. */
    public static void addTo(StreamsBuilder builder, MeterRegistry metrics) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(MEMORY_STORE), Serdes.String(),
                Serdes.String()));
        builder.stream(Topics.SOURCE_STATUS.name(), Consumed.with(Serdes.String(), Topics.SOURCE_STATUS.valueSerde())
                        .withName("read-source-status"))
                .process(() -> new SourceHealthAlerter(metrics), Named.as("source-health-alerts"), MEMORY_STORE)
                .to(Topics.SOURCE_ALERTS.name(), Produced.with(Serdes.String(), Topics.SOURCE_ALERTS.valueSerde())
                        .withName("write-source-alerts"));
    }
}
