package org.karaul.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karaul.alerts.webhook.AlertRecords.TP;
import static org.karaul.alerts.webhook.AlertRecords.committed;
import static org.karaul.alerts.webhook.AlertRecords.event;
import static org.karaul.alerts.webhook.AlertRecords.serialize;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.karaul.contract.Severity;
import org.karaul.contract.WebhookDeadLetter;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.DeadLetterHeaders;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.DeadLetterProducer;
import org.karaul.deadletter.DeadLetters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No record on the alerts topic stops a subscription's worker: it is dead-lettered and the next alert delivered. */
class WebhookWorkerPoisonTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        receiver.createContext("/hook", ex -> {
            try (ex; InputStream in = ex.getRequestBody()) {
                received.add(Topics.ALERTS.valueSerde().deserializer().deserialize("t", in.readAllBytes()).id());
                ex.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>not json", "null", "[1, 2, 3]", "{\"id\": [1], \"data\": 7}", "{\"specversion\": \"1.0\"}",
            "", "NO VALUE", "HUGE"})
    void shouldDeadLetterARecordThatIsNoAlertAndDeliverTheNextOne(String poison) throws Exception {
        byte[] value = switch (poison) {
            case "NO VALUE" -> null;
            case "HUGE" -> ("[" + "1,".repeat(2_600_000) + "1]").getBytes(StandardCharsets.UTF_8);
            default -> poison.getBytes(StandardCharsets.UTF_8);
        };
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        consumer.schedulePollTask(() -> {
            // a position committed before: the worker's start-at-creation seek (offsetsForTimes) is not needed
            consumer.commitSync(Map.of(TP, new OffsetAndMetadata(0)));
            consumer.rebalance(List.of(TP));
            consumer.updateBeginningOffsets(Map.of(TP, 0L));
            consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, 0, null, serialize(event("before"))));
            consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, 1, null, value));
            consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, 2, null, serialize(event("after"))));
        });
        WebhookSubscription subscription = new WebhookSubscription("s1", "http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook", "secret", List.of(), List.of(), Severity.INFO, Instant.EPOCH);
        WebhookSettings settings = new WebhookSettings(null, List.of("127.0.0.1/32"), Duration.ofDays(3), Duration.ofMillis(10),
                Duration.ofMillis(10), Duration.ofSeconds(5), "g-");
        WebhookPoster poster = new WebhookPoster(settings, new UrlGuard(settings.allow()),
                new MockProducer<String, WebhookDeadLetter>(), new SimpleMeterRegistry(), Clock.systemUTC());
        MockProducer<byte[], byte[]> dlq = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        WebhookWorker worker = new WebhookWorker(subscription, consumer, settings, poster,
                new DeadLetterProducer(dlq, new DeadLetters(Topics.ALERTS_DLQ.name(), "alerts", 512 * 1024), null),
                Clock.systemUTC(), 0);
        worker.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (committed(consumer) < 3 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        worker.stop();
        worker.join();

        assertThat(received).containsExactly("before", "after");
        assertThat(dlq.history()).hasSize(1);
        ProducerRecord<byte[], byte[]> dead = dlq.history().get(0);
        assertThat(dead.topic()).isEqualTo(Topics.ALERTS_DLQ.name());
        assertThat(header(dead, DeadLetterHeaders.SERVICE)).isEqualTo("webhook-s1");
        assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.ALERTS.name());
        assertThat(header(dead, DeadLetterHeaders.OFFSET)).isEqualTo("1");
        assertThat(header(dead, DeadLetterHeaders.ERROR)).isNotBlank();
        if (value != null && value.length > 512 * 1024) {
            assertThat(dead.value()).hasSize(DeadLetters.EXCERPT_BYTES);
            assertThat(header(dead, DeadLetterHeaders.SIZE)).isEqualTo(Integer.toString(value.length));
        } else {
            assertThat(dead.value()).isEqualTo(value);
        }
    }

    private static String header(ProducerRecord<?, ?> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
