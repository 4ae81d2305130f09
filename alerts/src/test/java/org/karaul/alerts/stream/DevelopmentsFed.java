package org.karaul.alerts.stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.karaul.alerts.publish.AlertTopology;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.alerts.trends.TrendTopology;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.Topics;

/**
 * For the tests of the alert rules and the trends, which feed hand-made developments: the same two branches
 * {@link AlertsTopology#build} chains to the grouping, fed here from {@code karaul.developments} instead. The service
 * never reads that topic; everything from classified items on is tested through {@link AlertsTopology#build}.
 */
public final class DevelopmentsFed {
    private DevelopmentsFed() {
    }

    public static Topology topology(AlertRules rules, MeterRegistry metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Development> developments = builder.stream(Topics.DEVELOPMENTS.name(),
                Consumed.with(Serdes.String(), Topics.DEVELOPMENTS.valueSerde()));
        AlertTopology.addTo(builder, developments, rules, metrics);
        TrendTopology.addTo(builder, developments);
        return builder.build();
    }
}
