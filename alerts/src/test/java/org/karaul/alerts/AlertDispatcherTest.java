package org.karaul.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.apache.kafka.common.TopicPartition;
import org.karaul.alerts.sink.AlertSink;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.Lineage;
import org.karaul.contract.Severity;
import org.karaul.contract.kafka.Topics;
import org.junit.jupiter.api.Test;

class AlertDispatcherTest {
    private static final TopicPartition TP = new TopicPartition(Topics.ALERTS.name(), 0);

    private static AlertEvent event(String id) {
        return AlertEvent.of(new Alert(id, "opened", "dev-" + id, "title " + id, "", Severity.HIGH, List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null, new Lineage("t", "default", List.of()), Instant.EPOCH,
                1, 1, List.of(), null));
    }

    @Test
    void shouldRetryAFailingSinkOnTheSameAlertAndDeliverEveryAlertInOrder() throws Exception {
        MockConsumer<String, AlertEvent> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP));
            consumer.updateBeginningOffsets(Map.of(TP, 0L));
            for (int i = 0; i < 3; i++) {
                consumer.addRecord(new ConsumerRecord<>(TP.topic(), 0, i, "k", event("a" + i)));
            }
        });
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        AlertSink flaky = new AlertSink() {
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
        AlertDispatcher dispatcher = new AlertDispatcher(consumer, List.of(flaky), metrics);
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
}
