package org.karaul.alerts.publish;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.contract.kafka.JsonSerde;
import org.karaul.contract.kafka.Topics;

/**
 * The alert publisher's topology, built here for both {@code AlertsApp} and the tests.
 *
 * <pre>
 * karaul.developments ──rules + memory (store alerts-memory)──▶ karaul.alerts (CloudEvent JSON + ce_* headers)
 * </pre>
 * Developments are keyed by id, so each development's transitions meet its memory in one task.
 */
public final class AlertTopology {
    /** What was alerted per development id. */
    public static final String MEMORY_STORE = "alerts-memory";

    private AlertTopology() {
    }

    public static Topology build(AlertRules rules, MeterRegistry metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MEMORY_STORE), Serdes.String(),
                new JsonSerde<>(AlertMemory.class)));
        builder.stream(Topics.DEVELOPMENTS.name(),
                        Consumed.with(Serdes.String(), Topics.DEVELOPMENTS.valueSerde()).withName("read-developments"))
                .process(() -> new AlertPublisher(rules, metrics), Named.as("apply-alert-rules"), MEMORY_STORE)
                .to(Topics.ALERTS.name(), Produced.with(Serdes.String(), Topics.ALERTS.valueSerde()).withName("write-alerts"));
        return builder.build();
    }
}
