package org.karaul.alerts.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.BadRecordException;
import org.karaul.deadletter.DeadLetterProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the alerts topic to one subscription, on its own thread and from its own consumer group, so it resumes
 * where it stopped and a slow subscriber delays nobody else. A new subscription starts at the alerts made after it
 * was created. Each alert is committed only once delivered or dead-lettered, so the order is kept. A record that is
 * not an alert event is dead-lettered to {@code karaul.alerts.dlq} (service {@code webhook-SUBSCRIPTION}) and skipped.
 */
final class WebhookWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);

    private final WebhookSubscription subscription;
    private final Consumer<byte[], byte[]> consumer;
    private final WebhookPoster poster;
    private final DeadLetterProducer deadLetters;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lag;

    WebhookWorker(WebhookSubscription subscription, Properties kafka, String groupPrefix, WebhookPoster poster,
                  DeadLetterProducer deadLetters) {
        this(subscription, consumer(subscription, kafka, groupPrefix), poster, deadLetters);
    }

    /** With the given consumer (of the subscription's group), for tests. */
    WebhookWorker(WebhookSubscription subscription, Consumer<byte[], byte[]> consumer, WebhookPoster poster,
                  DeadLetterProducer deadLetters) {
        this.subscription = subscription;
        this.consumer = consumer;
        this.poster = poster;
        this.deadLetters = deadLetters;
        this.thread = new Thread(this, "webhook-" + subscription.id());
        this.thread.setDaemon(true);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(WebhookSubscription subscription, Properties kafka,
                                                          String groupPrefix) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + subscription.id());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    void start() {
        thread.start();
    }

    WebhookSubscription subscription() {
        return subscription;
    }

    /** Committed alerts not yet delivered to this subscription, as of the latest poll. */
    long lag() {
        return lag;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(Set.of(Topics.ALERTS.name()), new StartAtCreation());
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    handle(r);
                    if (!running) {
                        return;
                    }
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    consumer.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
                }
                lag = consumer.assignment().stream().mapToLong(tp -> orZero(consumer.currentLag(tp))).sum();
            }
        } catch (WakeupException | InterruptedException stopping) {
            // stop() asked the loop to end; the current alert is redelivered on the next start
        } catch (RuntimeException e) {
            LOG.error("webhook worker for subscription {} stopped: {}", subscription.id(), e.toString(), e);
        } finally {
            Thread.interrupted(); // stop() may have interrupted a backoff; the consumer must still close cleanly
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) throws InterruptedException {
        AlertEvent event;
        try {
            if (r.value() == null) {
                throw new BadRecordException("record has no value", r.topic(), r.partition(), r.offset());
            }
            event = Topics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            // every subscription reports it: each is its own consumer group that skipped the record
            deadLetters.send("webhook-" + subscription.id(), r, e);
            return;
        }
        if (WebhookFilter.accepts(subscription, event.data())) {
            poster.deliver(subscription, event, r.value(), () -> running);
        }
    }

    void stop() {
        running = false;
        consumer.wakeup();
        thread.interrupt();
    }

    void join() throws InterruptedException {
        thread.join(5000);
    }

    private static long orZero(OptionalLong l) {
        return l.isPresent() ? l.getAsLong() : 0;
    }

    /** With no committed position yet, starts at the first alert made at or after the subscription's creation. */
    private final class StartAtCreation implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            Map<TopicPartition, Long> fresh = new HashMap<>();
            long since = (subscription.createdAt() == null ? Instant.EPOCH : subscription.createdAt()).toEpochMilli();
            for (TopicPartition tp : partitions) {
                if (committed.get(tp) == null) {
                    fresh.put(tp, since);
                }
            }
            if (fresh.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(fresh);
            for (TopicPartition tp : fresh.keySet()) {
                OffsetAndTimestamp at = found.get(tp);
                if (at == null) {
                    consumer.seekToEnd(Set.of(tp));
                } else {
                    consumer.seek(tp, at.offset());
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // offsets are committed per alert, nothing to flush
        }
    }
}
