package org.karaul.alerts.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.karaul.contract.WebhookDeadLetter;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Topics;
import org.karaul.streams.ClientProperties;

/**
 * Re-delivers one subscription's dead letters from {@code karaul.webhooks.dlq}, in the order they were written, with
 * their original delivery ids, to the subscription's current URL and secret. Its position is kept in the consumer
 * group {@code alerts.webhooks.group.prefix} + {@code redrive-} + id, so a second run sends only dead letters written
 * since. It stops at the first dead letter that is not delivered (the position stays on it, a rerun goes on from
 * there) and never writes dead letters itself.
 */
public final class Redrive {
    private static final Duration READ_DEADLINE = Duration.ofSeconds(60);

    /**
     * What a run did.
     *
     * @param delivered dead letters of the subscription delivered
     * @param failure   null when every one up to the end of the topic was delivered, else why the run stopped
     */
    public record Result(int delivered, String failure) {
    }

    private Redrive() {
    }

    /** Re-delivers the dead letters of {@code subscriptionId} written since the last run. */
    public static Result run(Properties kafka, WebhookSettings settings, String subscriptionId, MeterRegistry metrics)
            throws InterruptedException {
        WebhookSubscription subscription = find(kafka, settings, subscriptionId);
        WebhookPoster poster = new WebhookPoster(settings, new UrlGuard(settings.allow()), null, metrics,
                Clock.systemUTC());
        Properties p = ClientProperties.from(kafka).group(settings.groupPrefix() + "redrive-" + subscriptionId)
                .readCommitted().manualCommit().set(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest").build();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, Topics.WEBHOOK_DLQ.keySerde().deserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.WEBHOOK_DLQ.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(READ_DEADLINE);
            int delivered = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    return new Result(delivered, "could not read " + Topics.WEBHOOK_DLQ.name() + " to its end within "
                            + READ_DEADLINE);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        break; // written after the run started: left for the next run
                    }
                    String failure = subscriptionId.equals(r.key()) ? redeliver(poster, subscription, r) : null;
                    if (failure != null) {
                        return new Result(delivered, failure);
                    }
                    delivered += subscriptionId.equals(r.key()) ? 1 : 0;
                    consumer.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()),
                            new OffsetAndMetadata(r.offset() + 1)));
                }
            }
            return new Result(delivered, null);
        }
    }

    /** POSTs one dead letter's event; null when delivered, else why not. */
    private static String redeliver(WebhookPoster poster, WebhookSubscription s, ConsumerRecord<String, byte[]> r)
            throws InterruptedException {
        WebhookDeadLetter dl;
        try {
            dl = Topics.WEBHOOK_DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            return "unreadable dead letter at " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + e.getMessage();
        }
        if (dl == null || dl.event() == null) {
            return "dead letter at " + r.topic() + "-" + r.partition() + "@" + r.offset() + " has no event";
        }
        byte[] body = Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), dl.event());
        String deliveryId = dl.deliveryId() == null ? WebhookPoster.deliveryId(s, dl.event()) : dl.deliveryId();
        Outcome outcome = poster.attempt(s, deliveryId, dl.event(), body);
        return outcome.kind() == Outcome.Kind.DELIVERED ? null : "delivery " + deliveryId + " of alert "
                + dl.event().id() + " (" + r.topic() + "-" + r.partition() + "@" + r.offset() + ") failed: " + outcome.reason();
    }

    private static WebhookSubscription find(Properties kafka, WebhookSettings settings, String id) throws InterruptedException {
        SubscriptionStore.Listener ignore = new SubscriptionStore.Listener() {
            @Override
            public void changed(WebhookSubscription subscription) {
            }

            @Override
            public void removed(String removed) {
            }
        };
        SubscriptionStore store = SubscriptionStore.start(kafka, settings.sealer(), ignore, false);
        try {
            return store.list().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("no webhook subscription " + id + " on "
                            + Topics.WEBHOOK_SUBSCRIPTIONS.name() + " at " + kafka.get("bootstrap.servers")));
        } finally {
            store.close();
        }
    }
}
