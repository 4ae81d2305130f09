package org.karaul.alerts.develop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.alerts.stream.AlertsTopology;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.DeadLetterHeaders;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.BadRecordException;
import org.karaul.deadletter.DeadLetterHandler;
import org.karaul.deadletter.DeadLetters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No classified record stops the alerts stream: each kind of poison is dead-lettered between two good items, whose
 * developments and alerts both go out.
 */
class DevelopmentPoisonTest {
    private static final Instant T0 = Instant.parse("2026-11-22T06:50:00Z");
    private static final int MAX_BYTES = 768 * 1024;
    private static final String APP = "alerts-poison-test";

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> classified;
    private TestOutputTopic<String, Development> developments;
    private TestOutputTopic<String, AlertEvent> alerts;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        DeadLetterHandler.install(props, new DeadLetters(Topics.ITEMS_CLASSIFIED_DLQ.name(), "alerts", 512 * 1024), null);
        driver = new TopologyTestDriver(AlertsTopology.build(GroupingRules.load(null), Duration.ofMinutes(1),
                AlertRules.load(null), new SimpleMeterRegistry(), MAX_BYTES, false), props, T0);
        classified = driver.createInputTopic(Topics.ITEMS_CLASSIFIED.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        developments = driver.createOutputTopic(Topics.DEVELOPMENTS.name(), Serdes.String().deserializer(),
                Topics.DEVELOPMENTS.valueSerde().deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.ITEMS_CLASSIFIED_DLQ.name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ClassifiedPoison.class)
    void shouldDeadLetterEachKindOfPoisonBetweenTwoGoodItems(ClassifiedPoison poison) {
        send(bytes("before"), item("Border guards exchange fire on Kyrgyz-Tajik frontier", "KG"));
        classified.pipeInput(bytes("poison"), poison.value(), T0);
        send(bytes("after"), item("Tajik security service detains members of banned cell in Khujand", "TJ"));

        assertThat(developments.readValuesToList()).extracting(Development::title).containsExactly(
                "Border guards exchange fire on Kyrgyz-Tajik frontier",
                "Tajik security service detains members of banned cell in Khujand");
        assertThat(alerts.readValuesToList()).as("a grade-A source alerts on its own, before and after the poison")
                .extracting(e -> e.data().title()).containsExactly(
                        "Border guards exchange fire on Kyrgyz-Tajik frontier",
                        "Tajik security service detains members of banned cell in Khujand");
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dlq.isEmpty()).isTrue();
        Headers h = dead.headers();
        assertThat(header(h, DeadLetterHeaders.ERROR)).contains(poison.reason);
        assertThat(header(h, DeadLetterHeaders.EXCEPTION)).isEqualTo(poison.exception);
        assertThat(header(h, DeadLetterHeaders.SERVICE)).isEqualTo("alerts");
        assertThat(header(h, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(header(h, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.ITEMS_CLASSIFIED.name());
        assertThat(header(h, DeadLetterHeaders.OFFSET)).isEqualTo("1");
        assertThat(dead.key()).isEqualTo(bytes("poison"));
        if (poison == ClassifiedPoison.HUGE) {
            assertThat(dead.value()).hasSize(DeadLetters.EXCERPT_BYTES);
            assertThat(header(h, DeadLetterHeaders.SIZE)).isEqualTo(Integer.toString(poison.value().length));
            assertThat(header(h, DeadLetterHeaders.SHA256)).hasSize(64);
        } else {
            assertThat(dead.value()).isEqualTo(poison.value());
        }
    }

    @Test
    void shouldGroupItemsWhateverTheirKeyBecauseTheStageGroupsByContent() {
        send(null, item("Border guards exchange fire on Kyrgyz-Tajik frontier", "KG"));
        send(bytes("not-the-item-id"), item("Tajik security service detains members of banned cell in Khujand", "TJ"));

        assertThat(developments.readValuesToList()).hasSize(2);
        assertThat(dlq.isEmpty()).isTrue();
    }

    /** What the developments stage refuses, with a word of the reason it gives and the exception class. */
    enum ClassifiedPoison {
        NOT_JSON("<html>not json", "cannot read ClassifiedItem", SER),
        JSON_NULL("null", "JSON literal null", SER),
        WRONG_SHAPE("[1, 2, 3]", "cannot read ClassifiedItem", SER),
        WRONG_TYPES("{\"item\": \"x\", \"relevant\": \"maybe\", \"categories\": 7}", "cannot read ClassifiedItem", SER),
        MISSING_FIELDS("{\"relevant\": true, \"severity\": \"high\"}", "cannot read ClassifiedItem", SER),
        INVALID_UTF8(null, "cannot read ClassifiedItem", SER),
        NULL_VALUE(null, "record has no value", IllegalArgumentException.class.getName()),
        HUGE(null, "over the limit", SER),
        GROUPING_FAILS(null, "is null", NullPointerException.class.getName()),
        DEVELOPMENT_TOO_LARGE(null, "would be", BadRecordException.class.getName());

        private final String text;
        final String reason;
        final String exception;

        ClassifiedPoison(String text, String reason, String exception) {
            this.text = text;
            this.reason = reason;
            this.exception = exception;
        }

        byte[] value() {
            return switch (this) {
                case INVALID_UTF8 -> new byte[] {'{', '"', 'i', 't', 'e', 'm', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
                case NULL_VALUE -> null;
                case HUGE -> serialize(item("Attack " + "x".repeat(5 * 1024 * 1024), "KG"));
                // a label without an id reads, but no development can be made of it
                case GROUPING_FAILS -> serialize(new ClassifiedItem(item("Bomb attack in Dushanbe", "TJ").item(), true,
                        Severity.CRITICAL, List.of(new CategoryLabel(null, Severity.CRITICAL, 1, List.of())), List.of("TJ"),
                        List.of(), "t1", null, T0));
                // readable, but its title, in the development and again in its timeline, would not fit the topic
                case DEVELOPMENT_TOO_LARGE -> {
                    ClassifiedItem c = item("Bomb attack in Dushanbe", "TJ");
                    RawItem r = c.item();
                    yield serialize(new ClassifiedItem(new RawItem(r.id(), r.url(), "Attack " + "y".repeat(400 * 1024),
                            "Short text.", r.published(), r.sourceId(), r.sourceType(), r.sourceGrade(), r.lang(),
                            r.fetchedAt(), 1), true, Severity.CRITICAL, c.categories(), c.countries(), List.of(), "t1",
                            null, T0));
                }
                default -> text.getBytes(StandardCharsets.UTF_8);
            };
        }
    }

    private static final String SER = org.apache.kafka.common.errors.SerializationException.class.getName();

    private static ClassifiedItem item(String title, String country) {
        String url = "https://steppe-wire.example/" + Math.abs(title.hashCode());
        RawItem raw = new RawItem(ItemIds.forUrl(url), url, title, title + ".", T0, "steppe-wire", "rss", "A", "en", T0, 1);
        return new ClassifiedItem(raw, true, Severity.HIGH, List.of(new CategoryLabel("border.interstate_clash", Severity.HIGH,
                0.9, List.of())), List.of(country), List.of(), "t1", new SourceOffset(Topics.ITEMS_RAW.name(), 0, 1), T0);
    }

    private void send(byte[] key, ClassifiedItem c) {
        classified.pipeInput(key, serialize(c), T0);
    }

    private static byte[] serialize(ClassifiedItem c) {
        return Topics.ITEMS_CLASSIFIED.valueSerde().serializer().serialize("t", c);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
