package org.karaul.alerts.webhook;

import java.time.Clock;
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
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
import org.karaul.streams.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the alerts topic to one subscription, on its own thread and from its own consumer group, so it resumes
 * where it stopped and a slow subscriber delays nobody else. A new subscription starts at the alerts made after it
 * was created. Each alert is committed only once delivered or dead-lettered, so the order is kept.
 *
 * <p>On a transient failure (connection refused, timeout, 408, 429, 5xx) the worker does not move past the alert: it
 * seeks back to it, pauses its partitions and keeps polling (so it stays in its group) until the backoff is over,
 * then resumes and retries the same alert with the same delivery id, for as long as the outage lasts. Past
 * {@code alerts.webhooks.retry.max.age} the subscription shows as failing but keeps its position and goes on
 * retrying. Only a permanent rejection (another 4xx, or a 3xx) is dead-lettered to {@code karaul.webhooks.dlq}. A
 * record that is not an alert event is dead-lettered to {@code karaul.alerts.dlq} (service
 * {@code webhook-SUBSCRIPTION}) and skipped.
 */
final class WebhookWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    private static final Duration POLL = Duration.ofMillis(300);

    private final WebhookSubscription subscription;
    private final Consumer<byte[], byte[]> consumer;
    private final WebhookPoster poster;
    private final DeadLetterProducer deadLetters;
    private final WebhookSettings settings;
    private final Clock clock;
    private final int restarts;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lag;
    private volatile Retry retry;
    private volatile Instant diedAt;
    private volatile String deathCause;

    WebhookWorker(WebhookSubscription subscription, Properties kafka, WebhookSettings settings, WebhookPoster poster,
                  DeadLetterProducer deadLetters, Clock clock, int restarts) {
        this(subscription, consumer(subscription, kafka, settings.groupPrefix()), settings, poster, deadLetters, clock,
                restarts);
    }

    /** With the given consumer (of the subscription's group), for tests. */
    WebhookWorker(WebhookSubscription subscription, Consumer<byte[], byte[]> consumer, WebhookSettings settings,
                  WebhookPoster poster, DeadLetterProducer deadLetters, Clock clock, int restarts) {
        this.subscription = subscription;
        this.consumer = consumer;
        this.settings = settings;
        this.poster = poster;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.restarts = restarts;
        this.thread = new Thread(this, "webhook-" + subscription.id());
        this.thread.setDaemon(true);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(WebhookSubscription subscription, Properties kafka,
                                                          String groupPrefix) {
        return new KafkaConsumer<>(consumerProperties(subscription.id(), kafka, groupPrefix), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    static Properties consumerProperties(String subscriptionId, Properties kafka, String groupPrefix) {
        // each record costs at most one POST (timeout alerts.webhooks.timeout) per poll: keep a poll's work well
        // inside max.poll.interval.ms
        return ClientProperties.from(kafka).group(groupPrefix + subscriptionId).readCommitted().manualCommit()
                .set(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20").build();
    }

    void start() {
        thread.start();
    }

    WebhookSubscription subscription() {
        return subscription;
    }

    int restarts() {
        return restarts;
    }

    /** When the thread ended on a failure (not on stop()), or null while it runs. */
    Instant diedAt() {
        return diedAt;
    }

    /** Committed alerts not yet delivered to this subscription, as of the latest poll. */
    long lag() {
        return lag;
    }

    SubscriptionStatus status() {
        long behind = lag;
        if (diedAt != null) {
            return new SubscriptionStatus(SubscriptionStatus.State.RESTARTING, diedAt, 0, deathCause, behind, restarts);
        }
        Retry held = retry;
        if (held == null) {
            return new SubscriptionStatus(SubscriptionStatus.State.DELIVERING, null, 0, null, behind, restarts);
        }
        boolean failing = held.age(clock.instant()).compareTo(settings.retryMaxAge()) >= 0;
        return new SubscriptionStatus(failing ? SubscriptionStatus.State.FAILING : SubscriptionStatus.State.RETRYING,
                held.since(), held.failures(), held.lastError(), behind, restarts);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(Set.of(Topics.ALERTS.name()), new StartAtCreation());
            while (running) {
                resumeWhenDue();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout());
                boolean held = false;
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                        if (!running) {
                            return;
                        }
                        if (held || !handle(r)) {
                            // this record and the rest of its partition are read again once the backoff is over
                            held = true;
                            consumer.seek(tp, r.offset());
                            break;
                        }
                        consumer.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
                    }
                }
                if (held) {
                    consumer.pause(consumer.assignment());
                }
                lag = consumer.assignment().stream().mapToLong(tp -> orZero(consumer.currentLag(tp))).sum();
            }
        } catch (WakeupException | InterruptedException stopping) {
            // stop() asked the loop to end; the current alert is redelivered on the next start
        } catch (RuntimeException e) {
            if (running) {
                deathCause = e.toString();
                LOG.error("webhook worker for subscription {} died, to be restarted: {}", subscription.id(), e.toString(), e);
            }
        } finally {
            Thread.interrupted(); // stop() may have interrupted a POST; the consumer must still close cleanly
            try {
                consumer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debug("closing the consumer of subscription {}: {}", subscription.id(), e.toString());
            }
            if (running) {
                // died (an Error too): marked only once its consumer has left, so a replacement never overlaps it
                if (deathCause == null) {
                    deathCause = "worker thread ended unexpectedly";
                }
                diedAt = clock.instant();
            }
        }
    }

    /** Resumes the paused partitions once the held alert's next attempt is due. */
    private void resumeWhenDue() {
        Retry held = retry;
        if (held != null && !clock.instant().isBefore(held.nextAt()) && !consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /** Polls no longer than until the held alert's next attempt, so a short backoff is kept. */
    private Duration pollTimeout() {
        Retry held = retry;
        if (held == null || consumer.paused().isEmpty()) {
            return POLL;
        }
        long wait = Duration.between(clock.instant(), held.nextAt()).toMillis();
        return Duration.ofMillis(Math.max(1, Math.min(POLL.toMillis(), wait)));
    }

    /** Delivers, dead-letters or skips the record (true), or holds on to it after a transient failure (false). */
    private boolean handle(ConsumerRecord<byte[], byte[]> r) throws InterruptedException {
        AlertEvent event;
        try {
            if (r.value() == null) {
                throw new BadRecordException("record has no value", r.topic(), r.partition(), r.offset());
            }
            event = Topics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            // every subscription reports it: each is its own consumer group that skipped the record
            deadLetters.send("webhook-" + subscription.id(), r, e);
            return true;
        }
        if (!WebhookFilter.accepts(subscription, event.data())) {
            return true;
        }
        Retry held = retry != null && retry.isFor(r) ? retry : null;
        Instant now = clock.instant();
        if (held != null && now.isBefore(held.nextAt())) {
            return false; // read again early (after a rebalance): the backoff is not over
        }
        Outcome outcome = poster.attempt(subscription, event, r.value());
        switch (outcome.kind()) {
            case DELIVERED -> {
                if (retry != null) {
                    LOG.info("subscription {} delivering again after {} failed attempts since {}", subscription.id(),
                            retry.failures(), retry.since());
                }
                retry = null;
                return true;
            }
            case PERMANENT -> {
                poster.deadLetter(subscription, event, held == null ? 1 : held.failures() + 1, outcome);
                retry = null;
                return true;
            }
            default -> {
                Retry next = held == null ? Retry.first(r, now, outcome.reason(), settings)
                        : held.failedAgain(now, outcome.reason(), settings);
                if (held == null) {
                    LOG.warn("subscription {} retrying alert {} (offset {}): {}", subscription.id(), event.id(), r.offset(),
                            outcome.reason());
                } else if (held.age(now).compareTo(settings.retryMaxAge()) < 0
                        && next.age(now).compareTo(settings.retryMaxAge()) >= 0) {
                    LOG.error("subscription {} failing: alert {} undelivered since {} ({} attempts), last error: {};"
                                    + " keeping its position and retrying every {}", subscription.id(), event.id(),
                            next.since(), next.failures(), outcome.reason(), settings.backoffMax());
                }
                retry = next;
                return false;
            }
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
