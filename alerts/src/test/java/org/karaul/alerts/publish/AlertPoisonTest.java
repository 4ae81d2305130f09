package org.karaul.alerts.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.Severity;
import org.karaul.contract.kafka.DeadLetterHeaders;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.BadRecordException;
import org.karaul.deadletter.DeadLetterHandler;
import org.karaul.deadletter.DeadLetters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** No development record stops the alert publisher: each kind of poison is dead-lettered between two good ones. */
class AlertPoisonTest {
    private static final int MAX_BYTES = 768 * 1024;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> developments;
    private TestOutputTopic<String, AlertEvent> alerts;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-poison-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        DeadLetterHandler.install(props, new DeadLetters(Topics.DEVELOPMENTS_DLQ.name(), "alerts", 512 * 1024), null);
        driver = new TopologyTestDriver(AlertTopology.build(AlertRules.load(null), new SimpleMeterRegistry(), MAX_BYTES),
                props, AlertTopologyTest.NOW);
        developments = driver.createInputTopic(Topics.DEVELOPMENTS.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.DEVELOPMENTS_DLQ.name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DevelopmentPoison.class)
    void shouldDeadLetterEachKindOfPoisonBetweenTwoGoodDevelopments(DevelopmentPoison poison) {
        send(critical("before"));
        developments.pipeInput(poison.key(), poison.value());
        send(critical("after"));

        assertThat(alerts.readValuesToList()).extracting(AlertEvent::subject).containsExactly("before", "after");
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dlq.isEmpty()).isTrue();
        Headers h = dead.headers();
        assertThat(header(h, DeadLetterHeaders.ERROR)).contains(poison.reason);
        assertThat(header(h, DeadLetterHeaders.EXCEPTION)).isEqualTo(poison.exception.getName());
        assertThat(header(h, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.DEVELOPMENTS.name());
        assertThat(header(h, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(header(h, DeadLetterHeaders.OFFSET)).isEqualTo("1");
        assertThat(header(h, DeadLetterHeaders.SERVICE)).isEqualTo("alerts");
        assertThat(dead.key()).isEqualTo(poison.key());
        if (poison == DevelopmentPoison.HUGE) {
            assertThat(dead.value()).hasSize(DeadLetters.EXCERPT_BYTES);
            assertThat(header(h, DeadLetterHeaders.SIZE)).isEqualTo(Integer.toString(poison.value().length));
            assertThat(header(h, DeadLetterHeaders.SHA256)).hasSize(64);
        } else {
            assertThat(dead.value()).isEqualTo(poison.value());
        }
    }

    /** What the alert publisher refuses, with a word of the reason and the exception class. */
    enum DevelopmentPoison {
        NOT_JSON("<html>not json", "cannot read Development", SerializationException.class),
        JSON_NULL("null", "JSON literal null", SerializationException.class),
        WRONG_SHAPE("[1, 2, 3]", "cannot read Development", SerializationException.class),
        WRONG_TYPES("{\"id\": [1], \"status\": {}, \"itemCount\": \"many\"}", "cannot read Development",
                SerializationException.class),
        MISSING_FIELDS("{\"title\": \"Attack\"}", "cannot read Development", SerializationException.class),
        INVALID_UTF8(null, "cannot read Development", SerializationException.class),
        NULL_VALUE(null, "record has no value", BadRecordException.class),
        NULL_KEY(null, "is not the development id", BadRecordException.class),
        WRONG_KEY(null, "is not the development id", BadRecordException.class),
        HUGE(null, "over the limit", SerializationException.class);

        private final String text;
        final String reason;
        final Class<? extends Exception> exception;

        DevelopmentPoison(String text, String reason, Class<? extends Exception> exception) {
            this.text = text;
            this.reason = reason;
            this.exception = exception;
        }

        byte[] key() {
            return switch (this) {
                case NULL_KEY -> null;
                case WRONG_KEY -> bytes("someone-else");
                default -> bytes("poison-" + name());
            };
        }

        byte[] value() {
            return switch (this) {
                case INVALID_UTF8 -> new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
                case NULL_VALUE -> null;
                case NULL_KEY, WRONG_KEY -> serialize(critical("keyed-wrongly"));
                case HUGE -> serialize(critical("x".repeat(5 * 1024 * 1024)));
                default -> bytes(text);
            };
        }
    }

    private static Development critical(String id) {
        return AlertTopologyTest.dev(id, DevelopmentStatus.OPENED, "terrorism.attack", Severity.CRITICAL, "TJ", "steppe-wire");
    }

    private void send(Development d) {
        developments.pipeInput(bytes(d.id()), serialize(d));
    }

    private static byte[] serialize(Development d) {
        return Topics.DEVELOPMENTS.valueSerde().serializer().serialize("t", d);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
