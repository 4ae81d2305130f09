package org.karaul.alerts.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.alerts.dispatch.ConsoleSink;
import org.karaul.alerts.stream.DevelopmentsFed;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.Evidence;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.SourceRef;
import org.karaul.contract.TimelineEntry;
import org.karaul.contract.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertTopologyTest {
    static final Instant T0 = Instant.parse("2026-11-22T06:55:00Z");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, Development> developments;
    private TestOutputTopic<String, AlertEvent> alerts;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(DevelopmentsFed.topology(AlertRules.load(null), new SimpleMeterRegistry()),
                props, NOW);
        developments = driver.createInputTopic(Topics.DEVELOPMENTS.name(), Serdes.String().serializer(),
                Topics.DEVELOPMENTS.valueSerde().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    /** A development of one category with one source per id given (grade B unless "name:A"), one item each. */
    static Development dev(String id, DevelopmentStatus status, String category, Severity severity, String country,
                           String... sources) {
        List<SourceRef> refs = new ArrayList<>();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (String s : sources) {
            String[] p = s.split(":");
            String url = "https://" + p[0] + ".example/story";
            refs.add(new SourceRef(p[0], url, p.length > 1 ? p[1] : "B"));
            timeline.add(new TimelineEntry(T0, status, p[0], url, "Border guards exchange fire", severity, "en"));
        }
        CategoryLabel label = new CategoryLabel(category, severity, 0.9, List.of(new Evidence("title", 22, 26, "fire")));
        return new Development(id, status, "Border guards exchange fire", severity, List.of(category), List.of(country),
                List.of(), List.of(), T0, T0.plusSeconds(60L * sources.length), sources.length, refs, sources.length,
                List.of(label), List.of(new SourceOffset(Topics.ITEMS_RAW.name(), 0, 7)), "t1",
                "Kyrgyz and Tajik border guards exchanged fire.", timeline, null);
    }

    void send(Development d) {
        developments.pipeInput(d.id(), d);
    }

    @Test
    void shouldWaitForASecondIndependentSourceThenAlertOnceForAllCopies() {
        send(dev("d1", DevelopmentStatus.OPENED, "border.interstate_clash", Severity.HIGH, "KG", "steppe-wire"));
        assertThat(alerts.isEmpty()).as("high needs two independent sources").isTrue();
        send(dev("d1", DevelopmentStatus.UPDATED, "border.interstate_clash", Severity.HIGH, "KG", "steppe-wire", "vesti"));
        send(dev("d1", DevelopmentStatus.UPDATED, "border.interstate_clash", Severity.HIGH, "KG", "steppe-wire", "vesti", "kabar"));

        List<AlertEvent> out = alerts.readValuesToList();
        assertThat(out).hasSize(1);
        AlertEvent e = out.get(0);
        assertThat(e.type()).isEqualTo("org.karaul.alert.opened");
        assertThat(e.subject()).isEqualTo("d1");
        Alert a = e.data();
        assertThat(a.lineage().ruleId()).isEqualTo("default");
        assertThat(a.lineage().taxonomyVersion()).isEqualTo("t1");
        assertThat(a.sources()).extracting(SourceRef::sourceId).containsExactly("steppe-wire", "vesti");
        assertThat(a.summary()).startsWith("Kyrgyz and Tajik border guards exchanged fire. Reported in 2 items by 2 sources")
                .contains("steppe-wire (B), vesti (B)").contains("in KG");
        assertThat(a.createdAt()).isEqualTo(NOW);
    }

    @Test
    void shouldAlertOnASingleSourceOfGradeA() {
        send(dev("d2", DevelopmentStatus.OPENED, "trafficking.drugs", Severity.HIGH, "TJ", "khovar:A"));
        assertThat(alerts.readValue().type()).isEqualTo("org.karaul.alert.opened");
    }

    @Test
    void shouldReAlertOnEscalationOutsideTheCooldownOnly() {
        send(dev("d3", DevelopmentStatus.OPENED, "extremism.recruitment", Severity.MEDIUM, "KG", "vesti"));
        assertThat(alerts.readValue().type()).isEqualTo("org.karaul.alert.opened");

        send(dev("d3", DevelopmentStatus.ESCALATED, "extremism.recruitment", Severity.HIGH, "KG", "vesti", "kabar"));
        assertThat(alerts.isEmpty()).as("inside the 10m cooldown").isTrue();

        driver.advanceWallClockTime(Duration.ofMinutes(11));
        send(dev("d3", DevelopmentStatus.UPDATED, "extremism.recruitment", Severity.HIGH, "KG", "vesti", "kabar", "akipress"));
        AlertEvent escalated = alerts.readValue();
        assertThat(escalated.type()).isEqualTo("org.karaul.alert.escalated");
        assertThat(escalated.data().severity()).isEqualTo(Severity.HIGH);
        assertThat(escalated.id()).as("raised by the development record at partition 0, offset 2")
                .isEqualTo("d3.escalated.high.0-2");

        send(dev("d3", DevelopmentStatus.UPDATED, "extremism.recruitment", Severity.HIGH, "KG", "vesti", "kabar", "akipress", "x"));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldApplyCategoryAndCountryOverrides() {
        send(dev("d4", DevelopmentStatus.OPENED, "security.exercise", Severity.MEDIUM, "KZ", "a", "b"));
        send(dev("d5", DevelopmentStatus.OPENED, "extremism.online", Severity.MEDIUM, "AF", "a", "b"));
        send(dev("d6", DevelopmentStatus.OPENED, "terrorism.attack", Severity.CRITICAL, "UZ", "a"));
        send(dev("d10", DevelopmentStatus.OPENED, "hybrid.disinformation", Severity.MEDIUM, "KG", "a"));

        List<AlertEvent> out = alerts.readValuesToList();
        assertThat(out).extracting(AlertEvent::subject).containsExactly("d6");
        assertThat(out.get(0).data().lineage().ruleId()).isEqualTo("default");
    }

    @Test
    void shouldForgetAClosedDevelopment() {
        send(dev("d7", DevelopmentStatus.OPENED, "extremism.recruitment", Severity.MEDIUM, "KG", "vesti"));
        send(dev("d7", DevelopmentStatus.CLOSED, "extremism.recruitment", Severity.MEDIUM, "KG", "vesti"));
        assertThat(alerts.readValuesToList()).hasSize(1);
        assertThat(driver.<String, AlertMemory>getKeyValueStore(AlertTopology.MEMORY_STORE).get("d7")).isNull();
    }

    @Test
    void shouldGiveADevelopmentOpenedAgainAfterClosingANewAlertId() {
        send(dev("d11", DevelopmentStatus.OPENED, "terrorism.attack", Severity.CRITICAL, "TJ", "steppe-wire"));
        send(dev("d11", DevelopmentStatus.CLOSED, "terrorism.attack", Severity.CRITICAL, "TJ", "steppe-wire"));
        // a new version of its first item opens a development under the same id, with the same severity
        send(dev("d11", DevelopmentStatus.OPENED, "terrorism.attack", Severity.CRITICAL, "TJ", "steppe-wire"));

        List<AlertEvent> out = alerts.readValuesToList();
        assertThat(out).extracting(AlertEvent::type).containsExactly("org.karaul.alert.opened", "org.karaul.alert.opened");
        assertThat(out.get(0).id()).isEqualTo("d11.opened.critical.0-0");
        assertThat(out.get(1).id()).isEqualTo("d11.opened.critical.0-2");
        assertThat(out.get(0).data().id()).isEqualTo(out.get(0).id());
    }

    @Test
    void shouldMakeTheSameAlertIdsWhenTheSameDevelopmentsAreReplayed() {
        List<Development> story = List.of(
                dev("d12", DevelopmentStatus.OPENED, "extremism.recruitment", Severity.MEDIUM, "KG", "vesti"),
                dev("d12", DevelopmentStatus.CLOSED, "extremism.recruitment", Severity.MEDIUM, "KG", "vesti"),
                dev("d12", DevelopmentStatus.OPENED, "extremism.recruitment", Severity.MEDIUM, "KG", "vesti"),
                dev("d12", DevelopmentStatus.ESCALATED, "extremism.recruitment", Severity.CRITICAL, "KG", "vesti", "kabar"));
        story.forEach(this::send);
        List<String> first = alerts.readValuesToList().stream().map(AlertEvent::id).toList();

        driver.close();
        setUp(); // a fresh application (empty memory) reads the same records at the same offsets
        story.forEach(this::send);
        List<String> replayed = alerts.readValuesToList().stream().map(AlertEvent::id).toList();

        assertThat(first).hasSize(2).doesNotHaveDuplicates();
        assertThat(replayed).isEqualTo(first);
    }

    @Test
    void shouldWriteAStructuredCloudEventWithBinaryBindingHeaders() {
        send(dev("d8", DevelopmentStatus.OPENED, "terrorism.attack", Severity.CRITICAL, "TJ", "steppe-wire"));
        TestRecord<String, AlertEvent> r = alerts.readRecord();
        assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(r, "ce_type")).isEqualTo("org.karaul.alert.opened");
        assertThat(header(r, "ce_subject")).isEqualTo("d8");
        assertThat(header(r, "ce_id")).isEqualTo(r.value().id());
        assertThat(header(r, "content-type")).isEqualTo("application/cloudevents+json");

        byte[] onTheWire = Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), r.value());
        CloudEvent parsed = CloudEvents.parse(onTheWire);
        CloudEvent built = CloudEvents.toCloudEvent(r.value());
        assertThat(parsed.getType()).isEqualTo(built.getType());
        assertThat(parsed.getSubject()).isEqualTo("d8");
        assertThat(parsed.getTime()).isEqualTo(built.getTime());
        assertThat(parsed.getDataSchema()).isEqualTo(built.getDataSchema());
        Alert fromSdk = Topics.ALERTS.valueSerde().deserializer().deserialize("t",
                ("{\"id\":\"x\",\"type\":\"t\",\"data\":" + new String(parsed.getData().toBytes(), StandardCharsets.UTF_8) + "}")
                        .getBytes(StandardCharsets.UTF_8)).data();
        assertThat(fromSdk).isEqualTo(r.value().data());
    }

    @Test
    void shouldPrintOneReadableLinePerAlert() {
        send(dev("d9", DevelopmentStatus.OPENED, "terrorism.attack", Severity.CRITICAL, "KG", "src"));
        assertThat(ConsoleSink.format(alerts.readValue().data()))
                .isEqualTo("2026-11-22T06:56:00Z  CRITICAL  terrorism.attack  KG  Border guards exchange fire  [src https://src.example/story]");
    }

    private static String header(TestRecord<String, AlertEvent> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
