package org.karaul.ingest.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.karaul.contract.RawItem;
import org.karaul.contract.SeenUrl;
import org.karaul.contract.kafka.Topic;
import org.karaul.contract.kafka.Topics;

/** Reads what ingest committed, {@code read_committed}, from the start of a topic to its current end. */
public final class CommittedTopics {
    private CommittedTopics() {
    }

    /** Every committed raw item whose URL passes {@code filter}, in offset order per partition. */
    public static List<RawItem> items(String bootstrap, Predicate<RawItem> filter) {
        return read(bootstrap, Topics.ITEMS_RAW).stream().map(ConsumerRecord::value).filter(filter).toList();
    }

    /** Every committed seen mark (key = item id) whose URL passes {@code filter}, in offset order per partition. */
    public static List<ConsumerRecord<String, SeenUrl>> marks(String bootstrap, Predicate<SeenUrl> filter) {
        return read(bootstrap, Topics.INGEST_SEEN).stream().filter(r -> r.value() != null && filter.test(r.value()))
                .toList();
    }

    private static <V> List<ConsumerRecord<String, V>> read(String bootstrap, Topic<String, V> topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Deserializer<V> values = topic.valueSerde().deserializer();
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> c = new KafkaConsumer<>(p, topic.keySerde().deserializer(), values)) {
            List<TopicPartition> parts = c.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to " + end + " within 60 s");
                }
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
