package org.karaul.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.karaul.alerts.develop.GroupingRules;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.contract.kafka.Topics;

/** The shape of the alerts service's one topology: what a relevant item crosses between classified and alerted. */
class AlertsTopologyTest {
    @Test
    void shouldGroupAndAlertInOneSubTopologyFedStraightByTheClassifiedTopic() {
        Set<TopologyDescription.Subtopology> subtopologies = describe().subtopologies();
        TopologyDescription.Subtopology grouping = subtopologies.stream()
                .filter(s -> names(s).contains("group-developments")).findFirst().orElseThrow();

        assertThat(names(grouping)).contains("apply-alert-rules", "write-developments", "write-alerts", "trend-deltas");
        assertThat(sourceTopics(grouping)).as("no repartition topic between classified and grouped")
                .containsExactly(Topics.ITEMS_CLASSIFIED.name());
        assertThat(subtopologies.stream().flatMap(s -> sourceTopics(s).stream()))
                .as("nothing reads karaul.developments back: development and alert go out in one transaction")
                .containsExactlyInAnyOrder(Topics.ITEMS_CLASSIFIED.name(), "trends-by-cell-repartition");
    }

    private static TopologyDescription describe() {
        return AlertsTopology.build(GroupingRules.load(null), Duration.ofMinutes(1), AlertRules.load(null),
                new SimpleMeterRegistry(), 786_432, false).describe();
    }

    private static Set<String> names(TopologyDescription.Subtopology s) {
        return s.nodes().stream().map(TopologyDescription.Node::name).collect(Collectors.toSet());
    }

    private static Set<String> sourceTopics(TopologyDescription.Subtopology s) {
        return s.nodes().stream().filter(n -> n instanceof TopologyDescription.Source)
                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream()).collect(Collectors.toSet());
    }
}
