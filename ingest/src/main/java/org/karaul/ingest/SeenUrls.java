package org.karaul.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.karaul.contract.SeenUrl;
import org.karaul.contract.kafka.Topic;
import org.karaul.contract.kafka.Topics;

/**
 * The crawler's memory of emitted URLs. Rebuilt at start-up from the compacted {@code karaul.ingest.seen}
 * topic (committed records only), so a restart does not emit the same URL version twice.
 */
public final class SeenUrls {
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

    /** Reads the whole seen topic up to its current end. */
    public static SeenUrls restore(Properties kafka, Duration timeout) {
        Topic<String, SeenUrl> topic = Topics.INGEST_SEEN;
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        SeenUrls seen = new SeenUrls();
        try (KafkaConsumer<String, SeenUrl> consumer = new KafkaConsumer<>(p, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end, timeout)) {
                for (ConsumerRecord<String, SeenUrl> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        seen.byId.remove(r.key());
                    } else {
                        seen.byId.put(r.key(), r.value());
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to its end within " + timeout);
                }
            }
        }
        return seen;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end, Duration timeout) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
    }
}
