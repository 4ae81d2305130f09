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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.karaul.contract.Severity;
import org.karaul.contract.WebhookDeadLetter;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A subscription whose receiver keeps failing holds its alert past the maximum age and shows failing, without
 * dead-lettering or skipping anything; a worker that dies is restarted and shows on the health check meanwhile.
 */
class WebhookOutageTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    /** Long enough that no retry reaches it by itself: the test moves the worker's clock past it. */
    private static final Duration MAX_AGE = Duration.ofHours(1);

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> deliveryIds = new CopyOnWriteArrayList<>();
    private volatile int status = 503;
    private HttpServer receiver;
    private WebhookSubscription subscription;
    private WebhookSettings settings;
    private MockProducer<String, WebhookDeadLetter> deadLetters;
    private WebhookPoster poster;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        receiver.createContext("/hook", ex -> {
            try (ex; InputStream in = ex.getRequestBody()) {
                byte[] body = in.readAllBytes();
                int answer = status;
                deliveryIds.add(ex.getRequestHeaders().getFirst("X-Karaul-Delivery"));
                if (answer / 100 == 2) {
                    received.add(Topics.ALERTS.valueSerde().deserializer().deserialize("t", body).id());
                }
                ex.sendResponseHeaders(answer, -1);
            }
        });
        receiver.start();
        subscription = new WebhookSubscription("s1", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "secret", List.of(), List.of(), Severity.INFO, Instant.EPOCH);
        settings = new WebhookSettings(null, List.of("127.0.0.1/32"), MAX_AGE, Duration.ofMillis(5),
                Duration.ofMillis(20), Duration.ofSeconds(5), "g-");
        deadLetters = new MockProducer<>();
        poster = new WebhookPoster(settings, new UrlGuard(settings.allow()), deadLetters, new SimpleMeterRegistry(),
                Clock.systemUTC());
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void shouldHoldTheAlertPastTheMaximumAgeAsFailingThenDeliverEverythingInOrder() throws Exception {
        ReplayingConsumer consumer = consumerWith("first", "second");
        ShiftedClock clock = new ShiftedClock();
        WebhookWorker worker = new WebhookWorker(subscription, consumer, settings, poster, null, clock, 0);
        worker.start();
        try {
            // the worker's own count, not the receiver's: a request can arrive before the worker has counted the last answer
            await("the first alert failed more than once", () -> worker.status().failures() >= 2);
            assertThat(worker.status().state()).as("retrying, not failing, before the maximum age")
                    .isNotEqualTo(SubscriptionStatus.State.FAILING);
            clock.shift(MAX_AGE.plusMinutes(1));
            await("the subscription failing", () -> worker.status().state() == SubscriptionStatus.State.FAILING);
            SubscriptionStatus failing = worker.status();
            assertThat(failing.lastError()).startsWith("HTTP 503");
            assertThat(failing.failures()).isGreaterThan(1);
            assertThat(failing.since()).isNotNull();
            assertThat(committed(consumer)).as("nothing committed while held").isZero();
            assertThat(deadLetters.history()).isEmpty();
            assertThat(deliveryIds).as("the same delivery id on every retry").hasSizeGreaterThan(1)
                    .containsOnly(WebhookPoster.deliveryId(subscription, event("first")));

            status = 204;
            await("both alerts delivered", () -> committed(consumer) == 2);
            assertThat(received).containsExactly("first", "second");
            assertThat(worker.status().state()).isEqualTo(SubscriptionStatus.State.DELIVERING);
            assertThat(deadLetters.history()).isEmpty();
        } finally {
            worker.stop();
            worker.join();
        }
    }

    @Test
    void shouldRestartAWorkerThatDiedAndReportItMeanwhile() throws Exception {
        status = 204;
        MockConsumer<byte[], byte[]> dying = new ReplayingConsumer();
        dying.setPollException(new KafkaException("broker said no"));
        ReplayingConsumer healthy = consumerWith("after-restart");
        List<WebhookWorker> made = new CopyOnWriteArrayList<>();
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", "127.0.0.1:9");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        WebhookSettings slowRestart = new WebhookSettings(null, settings.allow(), settings.retryMaxAge(),
                Duration.ofMillis(400), Duration.ofMillis(400), settings.timeout(), "g-");
        try (Webhooks webhooks = new Webhooks(kafka, slowRestart, metrics, null, (s, restarts) -> {
            WebhookWorker w = new WebhookWorker(s, restarts == 0 ? dying : healthy, settings, poster, null,
                    Clock.systemUTC(), restarts);
            made.add(w);
            return w;
        })) {
            webhooks.changed(subscription);
            await("the worker reported dead", () -> !webhooks.health().up());
            assertThat(webhooks.health().detail()).contains("s1 restarting").contains("broker said no");
            assertThat(metrics.get("karaul.alerts.webhook.subscriptions.state").tag("state", "restarting").gauge().value())
                    .isEqualTo(1);
            await("the alert delivered by the restarted worker", () -> received.contains("after-restart"));
            await("the check up again", () -> webhooks.health().up());
            assertThat(made).hasSize(2);
            assertThat(webhooks.statuses().get("s1").restarts()).isEqualTo(1);
            assertThat(metrics.get("karaul.alerts.webhook.worker.restarts").counter().count()).isEqualTo(1);
            assertThat(webhooks.health().detail()).contains("s1 delivering");
        }
    }

    private ReplayingConsumer consumerWith(String... ids) {
        ReplayingConsumer consumer = new ReplayingConsumer();
        consumer.schedulePollTask(() -> {
            // a position committed before: the worker's start-at-creation seek (offsetsForTimes) is not needed
            consumer.commitSync(Map.of(TP, new OffsetAndMetadata(0)));
            consumer.rebalance(List.of(TP));
            consumer.updateBeginningOffsets(Map.of(TP, 0L));
            for (int i = 0; i < ids.length; i++) {
                consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, i, null, serialize(event(ids[i]))));
            }
        });
        return consumer;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
            }
            LockSupport.parkNanos(5_000_000L);
        }
    }

    /** The system clock moved forward on demand, so the maximum age is reached without waiting for it. */
    private static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        void shift(Duration by) {
            shift = shift.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a fixed zone is enough here");
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }
}
