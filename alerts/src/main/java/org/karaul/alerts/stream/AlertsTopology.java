package org.karaul.alerts.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.karaul.alerts.develop.DevelopmentTopology;
import org.karaul.alerts.develop.GroupingRules;
import org.karaul.alerts.publish.AlertTopology;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.alerts.sourcehealth.SourceHealthTopology;
import org.karaul.alerts.trends.TrendTopology;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.Topics;

/**
 * The alerts service's one topology, built in this one place for {@code AlertsApp} and the tests.
 *
 * <pre>
 * karaul.items.classified (3 partitions; the processor puts a relevant item on its GroupingKey's partition)
 *   ─relevant─▶ group-developments, one task per partition (stores developments-open-by-family,
 *               developments-spikes-by-family, alerts-process-id; punctuation closes quiet ones)
 *     ├─▶ write-developments ──────────────────────────────────────────▶ karaul.developments
 *     ├─▶ apply-alert-rules (store alerts-memory-by-family) ─▶ write-alerts ─▶ karaul.alerts (CloudEvent JSON + ce_* headers)
 *     └─▶ trend-deltas (store trends-seen-by-family) ─repartition trends-by-cell─▶ trend-counts (window store trends-hourly)
 * karaul.sources.status ─▶ source-health-alerts (store source-health-memory) ─▶ karaul.sources.alerts  (when enabled)
 * </pre>
 * The grouping reads {@code karaul.items.classified} directly: the processor already wrote each relevant item to the
 * partition of its grouping key ({@code GroupingKey}: the cluster of its leading category's family), so no repartition topic sits
 * between classification and grouping, and instances under one application id share the partitions' tasks. The
 * alert rules are chained to the grouping in the same sub-topology: the developments and the alert memory are both
 * keyed by development id, and a development lives in one task. So a development and the alert it raises are
 * written in one transaction, and a relevant item is readable as an alert one commit after its classification
 * (where the former one-partition repartition topic added a second). {@code karaul.developments} is still written,
 * for the desk page, the export and anyone else who reads it.
 *
 * <p>Every record this application cannot use (unreadable, too large, refused by the grouping or the alert rules) is
 * dead-lettered to {@code karaul.items.classified.dlq} by the {@code DeadLetterHandler} that {@code AlertsApp}
 * installs: see {@link DevelopmentTopology} and {@link AlertTopology}. Every store is in memory, rebuilt from its
 * changelog at each start (the keyed stores' changelogs are compacted within minutes, {@code Changelogs}, so a
 * restart reads about their live keys); one empty persistent store keeps the process id.
 */
public final class AlertsTopology {
    private AlertsTopology() {
    }

    /**
     * @param maxBytes      largest classified item read and largest development made (its alert carries most of it
     *                      and must fit {@code karaul.alerts}); larger ones are dead-lettered
     * @param sourceAlerts  whether to add the source-health branch ({@link SourceHealthTopology})
     */
    public static Topology build(GroupingRules grouping, Duration punctuateEvery, AlertRules rules, MeterRegistry metrics,
                                 int maxBytes, boolean sourceAlerts) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Development> developments = DevelopmentTopology.addTo(builder, grouping, punctuateEvery, metrics,
                maxBytes);
        developments.to(Topics.DEVELOPMENTS.name(), Produced.with(Serdes.String(), Topics.DEVELOPMENTS.valueSerde())
                .withName("write-developments"));
        AlertTopology.addTo(builder, developments, rules, metrics);
        TrendTopology.addTo(builder, developments);
        if (sourceAlerts) {
            SourceHealthTopology.addTo(builder, metrics);
        }
        return builder.build();
    }
}
