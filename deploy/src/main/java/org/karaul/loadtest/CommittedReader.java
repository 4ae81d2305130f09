package org.karaul.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The load test's readers: a {@code read_committed} consumer of raw bytes, without a group, assigned every partition. */
final class CommittedReader {
    private CommittedReader() {
    }

    /** A consumer assigned every partition of {@code topics}; where it starts is the caller's to set. */
    static KafkaConsumer<byte[], byte[]> assigned(String servers, List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(60))
                        .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            return consumer;
        } catch (RuntimeException e) {
            consumer.close(Duration.ofSeconds(5));
            throw new IllegalStateException("cannot assign the partitions of " + topics + " on " + servers + ": " + e.getMessage(), e);
        }
    }
}
