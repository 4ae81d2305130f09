package org.karaul.alerts.publish;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.alerts.sourcehealth.SourceHealthTopology;
import org.karaul.alerts.trends.TrendTopology;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.JsonSerde;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.SizeLimit;
import org.karaul.streams.ProcessIdStore;

/**
 * The alert publisher's topology, built here for both {@code AlertsApp} and the tests.
 *
 * <pre>
 * karaul.developments ─┬─rules + memory (store alerts-memory)──▶ karaul.alerts (CloudEvent JSON + ce_* headers)
 *                      └─trend counts (TrendTopology: hourly items and developments per category × country)
 * </pre>
 * Developments are keyed by id, so each development's transitions meet its memory in one task. What cannot be read
 * (not JSON, the JSON literal {@code null}, the wrong shape, too large), has no value or a key other than its id is
 * dead-lettered to {@code karaul.developments.dlq} by the {@code DeadLetterHandler} that {@code AlertsApp} installs.
 *
 * <p>Every store is in memory, rebuilt from its changelog at each start: the state is small (open developments,
 * hourly cells of the last 32 days), and after a kill -9 under exactly-once Streams would wipe and rebuild a
 * persistent store anyway, after opening it twice. The empty {@link ProcessIdStore} keeps the process id.
 */
public final class AlertTopology {
    /** What was alerted per development id. */
    public static final String MEMORY_STORE = "alerts-memory";
    /** Keeps the instance's process id, and so its transactional ids, across restarts ({@link ProcessIdStore}). */
    static final String PROCESS_ID_STORE = "alerts-process-id";

    private AlertTopology() {
    }

    /**
     * @param maxDevelopmentBytes largest development read; a larger one is dead-lettered (its alert would not fit
     *                            the alerts topic)
     */
    public static Topology build(AlertRules rules, MeterRegistry metrics, int maxDevelopmentBytes) {
        return build(rules, metrics, maxDevelopmentBytes, false);
    }

    /**
     * @param maxDevelopmentBytes largest development read; a larger one is dead-lettered
     * @param sourceAlerts        whether to add the source-health branch ({@link SourceHealthTopology})
     */
    public static Topology build(AlertRules rules, MeterRegistry metrics, int maxDevelopmentBytes, boolean sourceAlerts) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(MEMORY_STORE), Serdes.String(),
                new JsonSerde<>(AlertMemory.class)));
        builder.addStateStore(ProcessIdStore.builder(PROCESS_ID_STORE));
        KStream<String, Development> developments = builder.stream(Topics.DEVELOPMENTS.name(),
                Consumed.with(Serdes.String(), SizeLimit.of(Topics.DEVELOPMENTS.valueSerde(), maxDevelopmentBytes))
                        .withName("read-developments"));
        developments.process(() -> new AlertPublisher(rules, metrics), Named.as("apply-alert-rules"), MEMORY_STORE,
                        PROCESS_ID_STORE)
                .to(Topics.ALERTS.name(), Produced.with(Serdes.String(), Topics.ALERTS.valueSerde()).withName("write-alerts"));
        TrendTopology.addTo(builder, developments);
        if (sourceAlerts) {
            SourceHealthTopology.addTo(builder, metrics);
        }
        return builder.build();
    }
}
