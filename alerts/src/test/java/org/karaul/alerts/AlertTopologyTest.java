package org.karaul.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.karaul.alerts.sink.ConsoleSink;
import org.karaul.contract.Alert;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Evidence;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, ClassifiedItem> classified;
    private TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(AlertTopology.build(Severity.MEDIUM, Clock.fixed(NOW, ZoneOffset.UTC)), props);
        classified = driver.createInputTopic(Topics.ITEMS_CLASSIFIED.name(), Serdes.String().serializer(),
                Topics.ITEMS_CLASSIFIED.valueSerde().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static ClassifiedItem item(String url, boolean relevant, Severity severity, String category) {
        RawItem raw = new RawItem(ItemIds.forUrl(url), url, "Title of " + url, "Body text.", NOW.minusSeconds(60),
                "src", "rss", "A", "en", NOW, 1);
        List<CategoryLabel> labels = relevant ? List.of(new CategoryLabel(category, severity, 0.8,
                List.of(new Evidence("text", 0, 4, "Body")))) : List.of();
        return new ClassifiedItem(raw, relevant, relevant ? severity : null, labels, relevant ? List.of("KG") : List.of(),
                List.of(), "t1", new SourceOffset(Topics.ITEMS_RAW.name(), 1, 7), NOW);
    }

    @Test
    void shouldAlertOnRelevantItemsAtOrAboveMinimumSeverityOnly() {
        classified.pipeInput("a", item("https://x/a", true, Severity.HIGH, "trafficking.drugs"));
        classified.pipeInput("b", item("https://x/b", true, Severity.INFO, "security.exercise"));
        classified.pipeInput("c", item("https://x/c", false, null, null));
        classified.pipeInput("d", item("https://x/d", true, Severity.MEDIUM, "extremism.online"));

        List<Alert> out = alerts.readValuesToList();
        assertThat(out).extracting(Alert::title).containsExactly("Title of https://x/a", "Title of https://x/d");
        Alert first = out.get(0);
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        assertThat(first.categories()).containsExactly("trafficking.drugs");
        assertThat(first.countries()).containsExactly("KG");
        assertThat(first.sources().get(0).grade()).isEqualTo("A");
        assertThat(first.evidence().get(0).evidence().get(0).term()).isEqualTo("Body");
        assertThat(first.lineage().origins()).containsExactly(new SourceOffset(Topics.ITEMS_RAW.name(), 1, 7));
        assertThat(first.lineage().taxonomyVersion()).isEqualTo("t1");
    }

    @Test
    void shouldPrintOneReadableLinePerAlert() {
        classified.pipeInput("a", item("https://x/a", true, Severity.CRITICAL, "terrorism.attack"));
        String line = ConsoleSink.format(alerts.readValue());
        assertThat(line).isEqualTo("2026-11-22T09:59:00Z  CRITICAL  terrorism.attack  KG  Title of https://x/a  [src https://x/a]");
    }
}
