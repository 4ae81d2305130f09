package org.karaul.alerts.develop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.alerts.stream.AlertsTopology;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpikeTopologyTest {
    static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    private final Random random = new Random(7);
    private TopologyTestDriver driver;
    private TestInputTopic<String, ClassifiedItem> classified;
    private TestOutputTopic<String, Development> developments;

    @BeforeEach
    void setUp() {
        GroupingRules b = GroupingRules.load(null);
        GroupingRules rules = new GroupingRules(b.window(), b.quiet(), b.threshold(), b.minTextSimilarity(), b.groupBonus(),
                b.categoryBonus(), b.familyMinTextSimilarity(), b.closeInTime(), b.timeBonus(), b.owners(), b.equivalents(),
                new SpikeRules(Duration.ofHours(1), 6, 3, 3, 2.0, 2.0));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "spike-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(AlertsTopology.build(rules, Duration.ofMinutes(1), AlertRules.load(null),
                new SimpleMeterRegistry(), 786_432, false), props, T0);
        classified = driver.createInputTopic(Topics.ITEMS_CLASSIFIED.name(), Serdes.String().serializer(),
                Topics.ITEMS_CLASSIFIED.valueSerde().serializer());
        developments = driver.createOutputTopic(Topics.DEVELOPMENTS.name(), Serdes.String().deserializer(),
                Topics.DEVELOPMENTS.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    /** A story about a drug seizure in TJ with words no other story shares, so each opens its own development. */
    void story(Instant at) {
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < 6; w++) {
            for (int i = 0; i < 7; i++) {
                title.append((char) ('a' + random.nextInt(26)));
            }
            title.append(' ');
        }
        String url = "https://asia-plus.example/" + at.getEpochSecond() + "-" + random.nextInt(1_000_000);
        RawItem raw = new RawItem(ItemIds.forUrl(url), url, title.toString().trim(), "", at, "asia-plus", "rss", "B", "en", at, 1);
        ClassifiedItem c = new ClassifiedItem(raw, true, Severity.HIGH, List.of(new CategoryLabel("trafficking.drugs",
                Severity.HIGH, 0.9, List.of())), List.of("TJ"), List.of(), "t1", null, at);
        classified.pipeInput(raw.id(), c, at);
    }

    List<Development> spikes() {
        return developments.readValuesToList().stream().filter(d -> d.spike() != null).toList();
    }

    @Test
    void shouldRaiseUpdateAndCloseASpikeAgainstTheRollingBaseline() {
        for (int hour = 0; hour < 6; hour++) {
            story(T0.plus(Duration.ofHours(hour)).plusSeconds(60));
        }
        assertThat(spikes()).as("one story an hour is the baseline").isEmpty();

        Instant busy = T0.plus(Duration.ofHours(6));
        story(busy.plusSeconds(60));
        story(busy.plusSeconds(120));
        assertThat(spikes()).as("two are not yet the minimum count").isEmpty();
        story(busy.plusSeconds(180));
        List<Development> opened = spikes();
        assertThat(opened).hasSize(1);
        Development spike = opened.get(0);
        assertThat(spike.status()).isEqualTo(DevelopmentStatus.OPENED);
        assertThat(spike.spike().observed()).isEqualTo(3);
        assertThat(spike.spike().expected()).isEqualTo(1.0);
        assertThat(spike.spike().windowStart()).isEqualTo(busy);
        assertThat(spike.categories()).containsExactly("trafficking.drugs");
        assertThat(spike.countries()).containsExactly("TJ");
        assertThat(spike.timeline()).hasSize(3);
        assertThat(spike.title()).startsWith("Spike: 3 new trafficking.drugs stories in TJ");

        story(busy.plusSeconds(240));
        Development updated = spikes().get(0);
        assertThat(updated.status()).isEqualTo(DevelopmentStatus.UPDATED);
        assertThat(updated.id()).isEqualTo(spike.id());
        assertThat(updated.spike().observed()).isEqualTo(4);

        story(busy.plus(Duration.ofHours(1)).plusSeconds(60));
        Development closed = spikes().get(0);
        assertThat(closed.status()).isEqualTo(DevelopmentStatus.CLOSED);
        assertThat(closed.id()).isEqualTo(spike.id());
    }

    @Test
    void shouldNotCountLateStoriesForAFinishedWindow() {
        for (int hour = 0; hour < 6; hour++) {
            story(T0.plus(Duration.ofHours(hour)).plusSeconds(60));
        }
        story(T0.plusSeconds(90));
        story(T0.plusSeconds(100));
        story(T0.plusSeconds(110));
        assertThat(spikes()).as("stories for a finished window").isEmpty();
    }
}
