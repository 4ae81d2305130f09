package org.karaul.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.karaul.contract.SeenUrl;
import org.karaul.contract.kafka.Topic;
import org.karaul.contract.kafka.Topics;
import org.karaul.streams.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawler's memory of emitted URLs. Rebuilt at start-up from the compacted {@code karaul.ingest.seen}
 * topic (committed records only), so a restart does not emit the same URL version twice.
 */
public final class SeenUrls {
    private static final Logger LOG = LoggerFactory.getLogger(SeenUrls.class);

    private final Map<String, SeenUrl> byId = new ConcurrentHashMap<>();

    public Optional<SeenUrl> find(String itemId) {
        return Optional.ofNullable(byId.get(itemId));
    }

    public void remember(String itemId, SeenUrl seen) {
        byId.put(itemId, seen);
    }

    public int size() {
        return byId.size();
    }

    /**
     * Reads the whole seen topic up to its current end. A record that cannot be read (not a {@link SeenUrl}, or
     * without key) is skipped with a warning: the topic is read again at every start, so it is not dead-lettered
     * (it would be reported at each start), and a missing mark costs at most one repeated item, which the
     * processor and the alerts treat as a new version.
     */
    public static SeenUrls restore(Properties kafka, Duration timeout) {
        Properties p = ClientProperties.from(kafka).readCommitted().manualCommit().noGroup().build();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, Topics.INGEST_SEEN.keySerde().deserializer(),
                new ByteArrayDeserializer())) {
            return restore(consumer, timeout);
        }
    }

    /** {@link #restore(Properties, Duration)} with the given consumer (not in a group), for tests. */
    static SeenUrls restore(Consumer<String, byte[]> consumer, Duration timeout) {
        Topic<String, SeenUrl> topic = Topics.INGEST_SEEN;
        SeenUrls seen = new SeenUrls();
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(consumer, end, timeout)) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                seen.apply(r);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic.name() + " to its end within " + timeout);
            }
        }
        return seen;
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            LOG.warn("skipping a seen mark without key at {}-{}@{}", r.topic(), r.partition(), r.offset());
            return;
        }
        if (r.value() == null) {
            byId.remove(r.key());
            return;
        }
        try {
            byId.put(r.key(), Topics.INGEST_SEEN.valueSerde().deserializer().deserialize(r.topic(), r.value()));
        } catch (RuntimeException e) {
            LOG.warn("skipping an unreadable seen mark at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end, Duration timeout) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
    }
}
