package org.karaul.alerts.sourcehealth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.karaul.alerts.develop.GroupingRules;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.alerts.stream.AlertsTopology;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.SourceAlertEvent;
import org.karaul.contract.SourceStatus;
import org.karaul.contract.kafka.Topics;

/** The opt-in source-health alerts, through the alerts topology as the service builds it. */
class SourceHealthTopologyTest {
    static final Instant T0 = Instant.parse("2026-12-03T06:00:00Z");
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, SourceStatus> statuses;
    private long minutes;

    private void start(boolean enabled) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "source-health-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(build(enabled), props, T0);
        statuses = driver.createInputTopic(Topics.SOURCE_STATUS.name(), Serdes.String().serializer(),
                Topics.SOURCE_STATUS.valueSerde().serializer());
    }

    private Topology build(boolean enabled) {
        return AlertsTopology.build(GroupingRules.load(null), Duration.ofMinutes(1), AlertRules.load(null), metrics, 786_432,
                enabled);
    }

    private TestOutputTopic<String, SourceAlertEvent> alerts() {
        return driver.createOutputTopic(Topics.SOURCE_ALERTS.name(), Serdes.String().deserializer(),
                Topics.SOURCE_ALERTS.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private void status(String source, String state) {
        Instant at = T0.plusSeconds(60 * ++minutes);
        int failures = state.equals("broken") ? 3 : 0;
        statuses.pipeInput(source, new SourceStatus(source, state, failures, state.equals("silent") ? 12 : 0,
                state.equals("broken") ? T0 : at, T0, state.equals("broken") ? "HTTP 503 from the feed" : null, at), at);
    }

    @Test
    void shouldAlertOncePerChangeOfStateAndOnRecoveryNeverWhileAStateHolds() {
        start(true);
        TestOutputTopic<String, SourceAlertEvent> out = alerts();
        for (String state : List.of("unknown", "ok", "ok", "silent", "silent", "silent", "broken", "broken", "ok", "ok", "broken")) {
            status("24kg", state);
        }
        List<SourceAlertEvent> events = out.readValuesToList();
        assertThat(events).extracting(SourceAlertEvent::type).containsExactly("org.karaul.source.silent",
                "org.karaul.source.broken", "org.karaul.source.recovered", "org.karaul.source.broken");
        assertThat(events).extracting(e -> e.data().previousState()).containsExactly("ok", "silent", "broken", "ok");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo("24kg");
            assertThat(e.type()).doesNotStartWith(AlertEvent.TYPE_PREFIX);
            assertThat(e.dataschema()).isNotEqualTo(AlertEvent.DATA_SCHEMA);
        });
        assertThat(events.get(1).data().lastError()).isEqualTo("HTTP 503 from the feed");
        assertThat(events.get(1).data().consecutiveFailures()).isEqualTo(3);
        assertThat(events).extracting(SourceAlertEvent::id).doesNotHaveDuplicates();
        assertThat(metrics.counter("karaul.alerts.source.alerts", "type", "broken").count()).isEqualTo(2.0);
    }

    @Test
    void shouldKeepEachSourcesStateApartAndAlertASourceFirstSeenBroken() {
        start(true);
        TestOutputTopic<String, SourceAlertEvent> out = alerts();
        status("akipress", "broken");
        status("24kg", "ok");
        status("akipress", "broken");
        status("24kg", "silent");
        status("akipress", "ok");
        assertThat(out.readValuesToList()).extracting(e -> e.subject() + " " + e.data().type())
                .containsExactly("akipress broken", "24kg silent", "akipress recovered");
    }

    @Test
    void shouldRaiseTheSameAlertIdOnAReplayOfTheSameStatus() {
        start(true);
        TestOutputTopic<String, SourceAlertEvent> out = alerts();
        SourceStatus broken = new SourceStatus("24kg", "broken", 3, 0, T0, T0, "timeout", T0.plusSeconds(600));
        statuses.pipeInput("24kg", broken);
        String first = out.readValue().id();
        assertThat(first).isEqualTo("24kg.broken." + T0.plusSeconds(600).toEpochMilli());
        statuses.pipeInput("24kg", broken);
        assertThat(out.isEmpty()).as("the state holds: nothing again").isTrue();
    }

    @Test
    void shouldNeitherReadTheStatusTopicNorWriteSourceAlertsWhenOff() {
        String off = build(false).describe().toString();
        String on = build(true).describe().toString();
        assertThat(off).doesNotContain(Topics.SOURCE_STATUS.name()).doesNotContain(Topics.SOURCE_ALERTS.name());
        assertThat(on).contains(Topics.SOURCE_STATUS.name()).contains(Topics.SOURCE_ALERTS.name());
    }

    @Test
    void shouldTellEachChangeFromTheStateBefore() {
        assertThat(SourceHealthAlerter.type(null, "ok")).isNull();
        assertThat(SourceHealthAlerter.type(null, "silent")).isEqualTo("silent");
        assertThat(SourceHealthAlerter.type("silent", "silent")).isNull();
        assertThat(SourceHealthAlerter.type("silent", "broken")).isEqualTo("broken");
        assertThat(SourceHealthAlerter.type("broken", "ok")).isEqualTo("recovered");
        assertThat(SourceHealthAlerter.type("ok", "unknown")).isNull();
    }
}
