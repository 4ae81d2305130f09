package org.karaul.alerts.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.karaul.alerts.secrets.SecretSealer;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Topics;
import org.karaul.streams.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook subscriptions, kept on the compacted subscriptions topic so they survive restarts. At start it reads
 * the topic to its end; a thread then follows it, so a change written by another instance is seen too. Every
 * change is passed to the listener (which may see the same subscription twice). An unreadable record is skipped
 * with a warning, so it cannot keep the service from starting.
 *
 * <p>Secrets are sealed on the topic ({@link SecretSealer}); the store holds them opened. A record whose secret
 * is in clear (written before sealing) or sealed with an older key is re-written sealed with the current key once the
 * topic has been read at start-up (only then, so two instances configured with different keys cannot keep re-writing
 * each other's records). A secret that does not open is logged as an error and its subscription is not delivered.
 */
public final class SubscriptionStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionStore.class);
    private static final Duration LOAD_DEADLINE = Duration.ofSeconds(30);

    /** Told about subscriptions added, changed or removed. */
    public interface Listener {
        void changed(WebhookSubscription subscription);

        void removed(String id);
    }

    private final KafkaProducer<String, WebhookSubscription> producer;
    private final KafkaConsumer<String, byte[]> reader;
    private final Map<String, WebhookSubscription> current = new ConcurrentHashMap<>();
    private final Listener listener;
    private final SecretSealer sealer;
    private final Map<String, String> toReseal = new ConcurrentHashMap<>();
    private final Map<String, String> unopened = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private final Thread thread;
    private volatile boolean running = true;

    private SubscriptionStore(Properties kafka, SecretSealer sealer, Listener listener, boolean reseal) {
        this.producer = new KafkaProducer<>(ClientProperties.from(kafka).idempotent().build(),
                Topics.WEBHOOK_SUBSCRIPTIONS.keySerde().serializer(), Topics.WEBHOOK_SUBSCRIPTIONS.valueSerde().serializer());
        this.reader = new KafkaConsumer<>(ClientProperties.from(kafka).manualCommit().build(), Topics.WEBHOOK_SUBSCRIPTIONS.keySerde().deserializer(),
                new ByteArrayDeserializer());
        this.listener = listener;
        this.sealer = sealer;
        this.thread = new Thread(this::follow, "webhook-subscriptions");
        this.thread.setDaemon(true);
    }

    /**
     * Loads every subscription (telling the listener), re-writes the ones not sealed with the current key, then follows
     * the topic in the background.
     */
    public static SubscriptionStore start(Properties kafka, SecretSealer sealer, Listener listener) {
        return start(kafka, sealer, listener, true);
    }

    /** As {@link #start(Properties, SecretSealer, Listener)}; {@code reseal} false only reads (the redrive tool). */
    public static SubscriptionStore start(Properties kafka, SecretSealer sealer, Listener listener, boolean reseal) {
        SubscriptionStore store = new SubscriptionStore(kafka, sealer, listener, reseal);
        store.load();
        if (reseal) {
            store.reseal();
        }
        store.loaded = true;
        store.thread.start();
        return store;
    }

    private void load() {
        List<TopicPartition> partitions = reader.partitionsFor(Topics.WEBHOOK_SUBSCRIPTIONS.name()).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        Instant deadline = Instant.now().plus(LOAD_DEADLINE);
        while (partitions.stream().anyMatch(tp -> reader.position(tp) < end.get(tp))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read " + Topics.WEBHOOK_SUBSCRIPTIONS.name()
                        + " to its end within " + LOAD_DEADLINE);
            }
            reader.poll(Duration.ofMillis(200)).forEach(this::apply);
        }
        LOG.info("{} webhook subscription(s) loaded", current.size());
        unopened.values().forEach(LOG::error);
        unopened.clear();
    }

    /** Re-writes, sealed with the current key, the subscriptions loaded in clear or under an older key. */
    private void reseal() {
        Map<String, Integer> why = new TreeMap<>();
        for (Map.Entry<String, String> e : Map.copyOf(toReseal).entrySet()) {
            WebhookSubscription s = current.get(e.getKey());
            if (s == null) {
                continue; // deleted later on the topic
            }
            try {
                write(s);
                why.merge(e.getValue(), 1, Integer::sum);
            } catch (ExecutionException | TimeoutException e2) {
                LOG.error("cannot re-write subscription {} with its secret sealed: {}", s.id(), e2.toString());
            } catch (InterruptedException e2) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        toReseal.clear();
        if (!why.isEmpty()) {
            LOG.warn("re-wrote webhook subscriptions on {} with their secrets sealed under key '{}': {}. The earlier"
                            + " records stay in the topic's log until compaction removes them", Topics.WEBHOOK_SUBSCRIPTIONS.name(),
                    sealer.primary(), why);
        }
    }

    private void follow() {
        try {
            while (running) {
                reader.poll(Duration.ofMillis(500)).forEach(this::apply);
            }
        } catch (WakeupException stopping) {
            // close() asked the loop to stop
        } finally {
            reader.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            if (r.key() != null) {
                unopened.remove(r.key());
            }
            if (r.key() != null && current.remove(r.key()) != null) {
                listener.removed(r.key());
            }
            return;
        }
        WebhookSubscription stored;
        try {
            stored = Topics.WEBHOOK_SUBSCRIPTIONS.valueSerde().deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            // read again at every start, so it is skipped rather than dead-lettered (it would be reported each time)
            LOG.warn("skipping an unreadable subscription at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            return;
        }
        WebhookSubscription s;
        if (stored.sealedSecret() != null) {
            try {
                s = stored.opened(sealer.open(stored.id(), stored.sealedSecret()));
            } catch (SecretSealer.SealException e) {
                String problem = "cannot open the secret of webhook subscription " + stored.id() + " at " + r.topic() + "-"
                        + r.partition() + "@" + r.offset() + ": " + e.getMessage() + "; it is not delivered until a key in"
                        + " alerts.webhooks.secret.keys opens it";
                if (loaded) {
                    LOG.error(problem);
                } else {
                    unopened.put(stored.id(), problem); // reported after loading, unless a later record replaces it
                }
                return;
            }
            unopened.remove(stored.id());
            if (!sealer.current(stored.sealedSecret()) || stored.secret() != null) {
                markReseal(s.id(), stored.secret() != null ? "secret also in clear" : "sealed with an older key");
            } else {
                toReseal.remove(s.id());
            }
        } else {
            s = stored;
            unopened.remove(s.id());
            markReseal(s.id(), "secret in clear");
        }
        current.put(s.id(), s);
        listener.changed(s);
    }

    private void markReseal(String id, String why) {
        if (!loaded) {
            toReseal.put(id, why);
        }
    }

    /** Writes a subscription (waiting for the broker) and applies it here at once. */
    public void put(WebhookSubscription s) throws ExecutionException, InterruptedException, TimeoutException {
        write(s);
        current.put(s.id(), s);
        listener.changed(s);
    }

    /** Writes the subscription with its secret sealed (and not in clear) and waits for the broker. */
    private void write(WebhookSubscription s) throws ExecutionException, InterruptedException, TimeoutException {
        WebhookSubscription sealed = s.sealed(sealer.seal(s.id(), s.secret()));
        producer.send(new ProducerRecord<>(Topics.WEBHOOK_SUBSCRIPTIONS.name(), s.id(), sealed)).get(10, TimeUnit.SECONDS);
    }

    /** Deletes a subscription with a tombstone; false when there was none. */
    public boolean delete(String id) throws ExecutionException, InterruptedException, TimeoutException {
        if (!current.containsKey(id)) {
            return false;
        }
        producer.send(new ProducerRecord<>(Topics.WEBHOOK_SUBSCRIPTIONS.name(), id, null)).get(10, TimeUnit.SECONDS);
        if (current.remove(id) != null) {
            listener.removed(id);
        }
        return true;
    }

    /** The subscriptions, oldest first. */
    public List<WebhookSubscription> list() {
        return current.values().stream().sorted(Comparator.comparing(WebhookSubscription::createdAt,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(WebhookSubscription::id)).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.wakeup();
        thread.join(5000);
        producer.close(Duration.ofSeconds(2));
    }
}
