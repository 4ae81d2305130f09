package org.karaul.alerts.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.Lineage;
import org.karaul.contract.Severity;
import org.karaul.contract.kafka.DeadLetterHeaders;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.DeadLetterProducer;
import org.karaul.deadletter.DeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AlertDispatcherTest {
    private static final TopicPartition TP = new TopicPartition(Topics.ALERTS.name(), 0);

    private static AlertEvent event(String id) {
        return AlertEvent.of(new Alert(id, "opened", "dev-" + id, "title " + id, "", Severity.HIGH, List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null, new Lineage("t", "default", List.of()), Instant.EPOCH,
                1, 1, List.of(), null));
    }

    @Test
    void shouldRetryAFailingSinkOnTheSameAlertAndDeliverEveryAlertInOrder() throws Exception {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP));
            consumer.updateBeginningOffsets(Map.of(TP, 0L));
            for (int i = 0; i < 3; i++) {
                consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, i, bytes("k"), serialize(event("a" + i))));
            }
        });
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        DispatcherSink flaky = new DispatcherSink() {
            @Override
            public String id() {
                return "flaky";
            }

            @Override
            public void deliver(Alert alert) {
                if (alert.id().equals("a1") && failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("receiver down");
                }
                delivered.add(alert.id());
            }
        };
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        AlertDispatcher dispatcher = new AlertDispatcher(consumer, List.of(flaky), metrics, deadLetters(acknowledging()));
        dispatcher.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (delivered.size() < 3 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        long closing = System.nanoTime();
        dispatcher.close();

        assertThat(delivered).containsExactly("a0", "a1", "a2");
        assertThat(metrics.counter("karaul.alerts.deliveries", "sink", "flaky", "outcome", "retry").count()).isEqualTo(2.0);
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(5));
        assertThat(consumer.closed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(AlertPoison.class)
    void shouldDeadLetterARecordThatIsNoAlertAndDeliverTheNextOne(AlertPoison poison) throws Exception {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP));
            consumer.updateBeginningOffsets(Map.of(TP, 0L));
            consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, 0, bytes("k"), serialize(event("before"))));
            consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, 1, poison.key(), poison.value()));
            consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, 2, bytes("k"), serialize(event("after"))));
        });
        List<String> delivered = new CopyOnWriteArrayList<>();
        DispatcherSink sink = new DispatcherSink() {
            @Override
            public String id() {
                return "list";
            }

            @Override
            public void deliver(Alert alert) {
                delivered.add(alert.id());
            }
        };
        MockProducer<byte[], byte[]> dlq = acknowledging();
        AlertDispatcher dispatcher = new AlertDispatcher(consumer, List.of(sink), new SimpleMeterRegistry(), deadLetters(dlq));
        dispatcher.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (delivered.size() < 2 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        dispatcher.close();

        assertThat(delivered).containsExactly("before", "after");
        assertThat(dlq.history()).hasSize(1);
        ProducerRecord<byte[], byte[]> dead = dlq.history().get(0);
        assertThat(dead.topic()).isEqualTo(Topics.ALERTS_DLQ.name());
        assertThat(dead.key()).isEqualTo(poison.key());
        assertThat(header(dead, DeadLetterHeaders.ERROR)).contains(poison.reason);
        assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.ALERTS.name());
        assertThat(header(dead, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(header(dead, DeadLetterHeaders.OFFSET)).isEqualTo("1");
        assertThat(header(dead, DeadLetterHeaders.SERVICE)).isEqualTo("alerts-dispatcher");
        assertThat(header(dead, DeadLetterHeaders.EXCEPTION)).isNotBlank();
        if (poison == AlertPoison.HUGE) {
            assertThat(dead.value()).hasSize(DeadLetters.EXCERPT_BYTES);
            assertThat(header(dead, DeadLetterHeaders.SIZE)).isEqualTo(Integer.toString(poison.value().length));
            assertThat(header(dead, DeadLetterHeaders.SHA256)).hasSize(64);
        } else {
            assertThat(dead.value()).isEqualTo(poison.value());
        }
    }

    /** Records on the alerts topic that are no alert event, each with a word of the reason given. */
    enum AlertPoison {
        NOT_JSON("<html>not json", "cannot read AlertEvent"),
        JSON_NULL("null", "JSON literal null"),
        WRONG_SHAPE("[1, 2, 3]", "cannot read AlertEvent"),
        WRONG_TYPES("{\"id\": [1], \"type\": {}, \"data\": 7}", "cannot read AlertEvent"),
        MISSING_FIELDS("{\"specversion\": \"1.0\"}", "cannot read AlertEvent"),
        INVALID_UTF8(null, "cannot read AlertEvent"),
        NULL_KEY_AND_VALUE(null, "no value"),
        HUGE(null, "cannot read AlertEvent");

        private final String text;
        final String reason;

        AlertPoison(String text, String reason) {
            this.text = text;
            this.reason = reason;
        }

        byte[] key() {
            return this == NULL_KEY_AND_VALUE ? null : bytes("poison-" + name());
        }

        byte[] value() {
            return switch (this) {
                case INVALID_UTF8 -> new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
                case NULL_KEY_AND_VALUE -> null;
                case HUGE -> bytes("[" + "1,".repeat(2_600_000) + "1]");
                default -> bytes(text);
            };
        }
    }

    /** A producer whose sends complete at once, as a broker that takes every record. */
    private static MockProducer<byte[], byte[]> acknowledging() {
        return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static DeadLetterProducer deadLetters(MockProducer<byte[], byte[]> producer) {
        return new DeadLetterProducer(producer, new DeadLetters(Topics.ALERTS_DLQ.name(), "alerts", 512 * 1024), null);
    }

    private static byte[] serialize(AlertEvent e) {
        return Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), e);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ProducerRecord<?, ?> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
