package org.karaul.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.karaul.contract.kafka.Topic;
import org.karaul.streams.ClientProperties;

/**
 * Reads a topic from its beginning to the end it has when the read starts, with {@code read_committed}. The consumer
 * is assigned every partition and has no group, so it joins none and commits nothing: the live pipeline never sees
 * it. For the commands that look at what the topics retain (export, the rules report).
 */
public final class TopicSnapshot {
    private TopicSnapshot() {
    }

    /** What a typed read hands on: each record's key and value, and each record whose value could not be read. */
    public interface Records<V> {
        /** A record, in offset order within its partition; {@code value} is null for a tombstone. */
        void read(String key, V value);

        /** A record whose value the topic's serde could not read: where it is ({@code topic-partition@offset}) and why. */
        void unreadable(String where, RuntimeException problem);
    }

    /**
     * Reads {@code topic} as {@link #read(Properties, String, String, Duration, Consumer)} does, each value through
     * the topic's own serde, and returns how many records it read (unreadable ones included).
     */
    public static <V> long read(Properties kafka, Topic<String, V> topic, String clientId, Duration timeout,
                                Records<V> each) {
        Deserializer<V> values = topic.valueSerde().deserializer();
        return read(kafka, topic.name(), clientId, timeout, r -> {
            V value;
            try {
                value = r.value() == null ? null : values.deserialize(r.topic(), r.value());
            } catch (RuntimeException e) {
                each.unreadable(r.topic() + "-" + r.partition() + "@" + r.offset(), e);
                return;
            }
            each.read(r.key(), value);
        });
    }

    /**
     * Hands every record (key as text, value as bytes, null for a tombstone) to {@code each}, in offset order within
     * a partition, and returns how many it read.
     *
     * @param kafka    client properties ({@code bootstrap.servers} and any security settings)
     * @param clientId the client id the broker sees
     * @param timeout  how long to wait for the topic's end
     * @throws IllegalStateException when the topic does not exist or its end is not reached in time, naming the topic
     */
    public static long read(Properties kafka, String topic, String clientId, Duration timeout,
                            Consumer<ConsumerRecord<String, byte[]>> each) {
        Properties p = ClientProperties.from(kafka).noGroup().readCommitted().manualCommit()
                .set(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .setIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId).build();
        Instant deadline = Instant.now().plus(timeout);
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist on " + kafka.get("bootstrap.servers"));
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            while (!reached(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("did not reach the end of " + topic + " within " + timeout
                            + " (read " + read + " records; end offsets " + end + ")");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    each.accept(r);
                    read++;
                }
            }
        }
        return read;
    }

    /** Whether every partition's position is at its end offset (for read_committed: its last stable offset). */
    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        return end.isEmpty();
    }
}
