package org.karaul.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.karaul.contract.kafka.Topics;

/** Whether each stage has read all of its input, and what landed on the dead-letter topics. */
final class Offsets {
    /** Each stage's consumer group (default ids) and the input it reads. */
    static final Map<String, String> STAGES = Map.of(
            "karaul-processor", Topics.ITEMS_RAW.name(),
            "karaul-alerts", Topics.ITEMS_CLASSIFIED.name(),
            "karaul-alerts-dispatch", Topics.ALERTS.name(),
            "karaul-webhook-" + Stack.SUBSCRIPTION, Topics.ALERTS.name());
    static final List<String> DEAD_LETTER_TOPICS = List.of(Topics.ITEMS_RAW_DLQ.name(), Topics.ITEMS_CLASSIFIED_DLQ.name(),
            Topics.DEVELOPMENTS_DLQ.name(), Topics.ALERTS_DLQ.name(), Topics.WEBHOOK_DLQ.name());

    private Offsets() {
    }

    /**
     * Whether every stage's committed position is at the end of each partition it reads: its input and the internal
     * (repartition) topics it has positions on. A transaction's commit marker takes one offset after the last record,
     * so "end - 1" is the end for a transactional writer.
     */
    static boolean caughtUp(String bootstrap) {
        try (Admin admin = admin(bootstrap)) {
            for (Map.Entry<String, String> stage : STAGES.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(stage.getKey())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                admin.describeTopics(List.of(stage.getValue())).allTopicNames().get(10, TimeUnit.SECONDS).get(stage.getValue())
                        .partitions().forEach(p -> ends.put(new TopicPartition(stage.getValue(), p.partition()), OffsetSpec.latest()));
                committed.keySet().forEach(tp -> ends.put(tp, OffsetSpec.latest()));
                for (var e : admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).entrySet()) {
                    long end = e.getValue().offset();
                    OffsetAndMetadata at = committed.get(e.getKey());
                    if (end > 0 && (at == null || at.offset() < end - 1)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether the watch has read the classified and alerts topics to their end. */
    static boolean watched(String bootstrap, Watch watch) {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (TopicPartition tp : Watch.partitions()) {
                ends.put(tp, OffsetSpec.latest());
            }
            for (var e : admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).entrySet()) {
                if (watch.position(e.getKey()) < e.getValue().offset()) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Dead letters per dead-letter topic, and per poison tag (the header {@link Poison#HEADER} they kept). */
    static Map<String, Long> deadLetters(String bootstrap, Map<String, Long> byPoison) {
        Map<String, Long> counts = new LinkedHashMap<>();
        DEAD_LETTER_TOPICS.forEach(t -> counts.put(t, 0L));
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = DEAD_LETTER_TOPICS.stream().flatMap(t -> c.partitionsFor(t).stream()
                    .map(i -> new TopicPartition(t, i.partition()))).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(p -> c.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("dead-letter topics not read to their end within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    counts.merge(r.topic(), 1L, Long::sum);
                    Header tag = r.headers().lastHeader(Poison.HEADER);
                    if (tag != null) {
                        byPoison.merge(r.topic() + " <- " + new String(tag.value(), StandardCharsets.UTF_8), 1L, Long::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }
}
