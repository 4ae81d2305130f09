package org.karaul.export.source;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.Topics;

/**
 * Reads {@code karaul.developments} from the beginning to the end it has when the read starts, with
 * {@code read_committed}. The consumer has no group: it is assigned every partition, so it joins no group and
 * cannot commit anything; the live pipeline never sees it.
 */
public final class DevelopmentsTopic {
    private DevelopmentsTopic() {
    }

    /**
     * @param kafka   client properties ({@code bootstrap.servers} and any security settings)
     * @param window  the last-seen window to keep
     * @param timeout how long to wait for the topic's end before giving up
     * @throws IllegalStateException when the topic does not exist or its end is not reached in time
     */
    public static Read read(Properties kafka, Window window, Duration timeout) {
        String topic = Topics.DEVELOPMENTS.name();
        Properties p = new Properties();
        p.putAll(kafka);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "karaul-export");
        Deserializer<Development> reader = Topics.DEVELOPMENTS.valueSerde().deserializer();
        Latest latest = new Latest(window);
        Instant deadline = Instant.now().plus(timeout);
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
                            + " (read " + latest.records() + " records; end offsets " + end + ")");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        latest.put(r.key(), null);
                        continue;
                    }
                    try {
                        latest.put(r.key(), reader.deserialize(r.topic(), r.value()));
                    } catch (RuntimeException e) {
                        latest.skip(r.topic() + "-" + r.partition() + "@" + r.offset(), e.getMessage());
                    }
                }
            }
        }
        return latest.read();
    }

    /** Whether every partition's position is at its end offset (for read_committed: its last stable offset). */
    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        return end.isEmpty();
    }
}
