package org.karaul.alerts.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.BadRecordException;
import org.karaul.deadletter.DeadLetterProducer;
import org.karaul.streams.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads committed alerts in order and hands each to every sink. A sink that fails is retried with backoff on the
 * same alert; offsets are committed only after every sink took the batch, so a restart resumes where it stopped.
 * A record that is not an alert event (unreadable, the JSON literal {@code null}, no value) is dead-lettered to
 * {@code karaul.alerts.dlq} and skipped.
 */
public final class AlertDispatcher implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    private static final String STAGE = "alerts-dispatcher";

    private final Consumer<byte[], byte[]> consumer;
    private final List<DispatcherSink> sinks;
    private final MeterRegistry metrics;
    private final DeadLetterProducer deadLetters;
    private final Deserializer<AlertEvent> reader = Topics.ALERTS.valueSerde().deserializer();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean polling;

    public AlertDispatcher(Consumer<byte[], byte[]> consumer, List<DispatcherSink> sinks, MeterRegistry metrics,
                           DeadLetterProducer deadLetters) {
        this.consumer = consumer;
        this.sinks = List.copyOf(sinks);
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.thread = new Thread(this, "alerts-dispatcher");
    }

    /** A read_committed consumer of the alerts topic in the given group; records are read as bytes, then parsed here. */
    public static KafkaConsumer<byte[], byte[]> consumer(Properties kafka, String groupId) {
        Properties p = ClientProperties.from(kafka).group(groupId).readCommitted().manualCommit()
                .setIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest").build();
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public void start() {
        thread.start();
    }

    /** Whether the loop is alive and has polled at least once. */
    public boolean healthy() {
        return thread.isAlive() && polling;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(Set.of(Topics.ALERTS.name()));
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                polling = true;
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    AlertEvent event = read(r);
                    if (event == null) {
                        continue;
                    }
                    for (DispatcherSink sink : sinks) {
                        deliverWithRetry(sink, r, event);
                    }
                }
                if (!batch.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException stopping) {
            // close() asked the loop to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            boolean interrupted = Thread.interrupted(); // close() may have interrupted a backoff; close cleanly first
            consumer.close(Duration.ofSeconds(2));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The alert event, or null when the record is not one (then it has been dead-lettered). */
    private AlertEvent read(ConsumerRecord<byte[], byte[]> r) throws InterruptedException {
        try {
            if (r.value() == null) {
                throw new BadRecordException("record has no value", r.topic(), r.partition(), r.offset());
            }
            return reader.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            deadLetters.send(STAGE, r, e);
            return null;
        }
    }

    private void deliverWithRetry(DispatcherSink sink, ConsumerRecord<byte[], byte[]> r, AlertEvent event)
            throws InterruptedException {
        long backoff = 200;
        while (running.get()) {
            try {
                sink.deliver(event.data());
                metrics.counter("karaul.alerts.deliveries", "sink", sink.id(), "outcome", "success").increment();
                return;
            } catch (Exception e) {
                metrics.counter("karaul.alerts.deliveries", "sink", sink.id(), "outcome", "retry").increment();
                LOG.warn("sink {} failed on alert at {}-{}@{}: {}; retrying in {} ms", sink.id(), r.topic(), r.partition(),
                        r.offset(), e.toString(), backoff);
                if (stopRequested.await(backoff, TimeUnit.MILLISECONDS)) {
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        stopRequested.countDown();
        // wakeup, not interrupt: an interrupted consumer cannot leave its group cleanly on close
        consumer.wakeup();
        thread.join(5000);
    }
}
