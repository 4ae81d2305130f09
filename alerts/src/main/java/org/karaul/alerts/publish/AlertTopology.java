package org.karaul.alerts.publish;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.Topics;
import org.karaul.streams.Changelogs;
import org.karaul.streams.StateSerde;

/**
 * The alert rules, a branch of the alerts service's one topology (added by {@code AlertsTopology.build}, whose
 * javadoc has the diagram of the whole):
 *
 * <pre>
 * (developments) ──apply-alert-rules (store alerts-memory-by-family)──▶ karaul.alerts (CloudEvent JSON + ce_* headers)
 * </pre>
 * The developments come keyed by id, so each development's transitions meet its memory in one task. A development
 * without value or under a key other than its id is refused ({@link AlertPublisher}) and its input record
 * dead-lettered by the {@code DeadLetterHandler} that {@code AlertsApp} installs.
 *
 * <p>The memory is in memory, rebuilt from its changelog at each start: it is small (open developments), and after
 * a kill -9 under exactly-once Streams would wipe and rebuild a persistent store anyway, after opening it twice.
 */
public final class AlertTopology {
    /** What was alerted per development id. */
    public static final String MEMORY_STORE = "alerts-memory-by-family";

    private AlertTopology() {
    }

    /** Adds the alert rules to {@code builder}, fed by {@code developments}, writing {@code karaul.alerts}. */
    public static void addTo(StreamsBuilder builder, KStream<String, Development> developments, AlertRules rules,
                             MeterRegistry metrics) {
        builder.addStateStore(Changelogs.compactedSoon(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(MEMORY_STORE), Serdes.String(), StateSerde.of(AlertMemory.class))));
        developments.process(() -> new AlertPublisher(rules, metrics), Named.as("apply-alert-rules"), MEMORY_STORE)
                .to(Topics.ALERTS.name(), Produced.with(Serdes.String(), Topics.ALERTS.valueSerde()).withName("write-alerts"));
    }
}
