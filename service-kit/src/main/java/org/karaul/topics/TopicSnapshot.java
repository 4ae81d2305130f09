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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.karaul.streams.ClientProperties;

/**
 * Reads a topic from its beginning to the end it has when the read starts, with {@code read_committed}. The consumer
 * is assigned every partition and has no group, so it joins none and commits nothing: the live pipeline never sees
 * it. For the commands that look at what the topics retain (export, the rules report).
 */
public final class TopicSnapshot {
    private TopicSnapshot() {
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
