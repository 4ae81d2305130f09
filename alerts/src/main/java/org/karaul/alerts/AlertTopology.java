package org.karaul.alerts;

import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.karaul.contract.Alert;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Lineage;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceRef;
import org.karaul.contract.kafka.Topics;

/**
 * The alert publisher's topology, built here for both {@link AlertsApp} and the tests: every relevant classified
 * item at or above the minimum severity becomes one alert on {@code karaul.alerts}, keyed by the item id.
 */
public final class AlertTopology {
    static final String RULE_ID = "item.min-severity";

    private AlertTopology() {
    }

    public static Topology build(Severity minSeverity, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.ITEMS_CLASSIFIED.name(),
                        Consumed.with(Serdes.String(), Topics.ITEMS_CLASSIFIED.valueSerde()).withName("read-classified"))
                .filter((id, c) -> c != null && c.relevant() && c.severity() != null && c.severity().atLeast(minSeverity),
                        Named.as("at-or-above-min-severity"))
                .mapValues(c -> toAlert(c, clock), Named.as("make-alert"))
                .to(Topics.ALERTS.name(), Produced.with(Serdes.String(), Topics.ALERTS.valueSerde()).withName("write-alerts"));
        return builder.build();
    }

    static Alert toAlert(ClassifiedItem c, Clock clock) {
        RawItem item = c.item();
        List<String> categories = c.categories().stream().map(CategoryLabel::id).toList();
        String summary = item.text().length() <= 400 ? item.text() : item.text().substring(0, 400) + "…";
        return new Alert(item.id() + "-v" + item.version(), "item", item.id(), item.title(), summary, c.severity(),
                categories, c.countries(), c.groups(), List.of(new SourceRef(item.sourceId(), item.url(), item.sourceGrade())),
                c.categories(), item.published(), item.published(),
                new Lineage(c.taxonomyVersion(), RULE_ID, c.origin() == null ? List.of() : List.of(c.origin())),
                clock.instant());
    }
}
