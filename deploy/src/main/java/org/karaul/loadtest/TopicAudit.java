package org.karaul.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topics;

/**
 * The end-of-run check that does not trust the load test's own reader: a fresh {@code read_committed} consumer reads
 * {@code karaul.items.raw}, {@code karaul.items.classified} and {@code karaul.items.raw.dlq} from their first offset to
 * their last stable offset at the start of the audit and counts, for every raw record, its classified records and
 * dead letters ({@link AuditTally}).
 */
final class TopicAudit {
    private static final List<String> TOPICS = List.of(Topics.ITEMS_RAW.name(), Topics.ITEMS_CLASSIFIED.name(),
            Topics.ITEMS_RAW_DLQ.name());

    private TopicAudit() {
    }

    /**
     * @param limit how long the reading may take
     * @throws IllegalStateException naming the partitions not read to their end within {@code limit}, or a classified
     *                               record that is not JSON (topic, partition, offset)
     */
    static LoadtestReport.Audit run(String servers, Duration limit) {
        AuditTally tally = new AuditTally();
        try (KafkaConsumer<byte[], byte[]> consumer = CommittedReader.assigned(servers, TOPICS)) {
            List<TopicPartition> partitions = new ArrayList<>(consumer.assignment());
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions); // last stable offsets: read_committed
            long deadline = System.nanoTime() + limit.toNanos();
            while (!atEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the audit did not read " + behind(consumer, ends) + " to their end within "
                            + limit);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    take(tally, r);
                }
            }
        }
        return tally.result();
    }

    private static void take(AuditTally tally, ConsumerRecord<byte[], byte[]> r) {
        SourceOffset at = new SourceOffset(r.topic(), r.partition(), r.offset());
        if (r.topic().equals(Topics.ITEMS_RAW.name())) {
            tally.raw(at, r.key() == null ? "(no key)" : new String(r.key(), StandardCharsets.UTF_8));
        } else if (r.topic().equals(Topics.ITEMS_RAW_DLQ.name())) {
            SourceOffset origin = DeadLetterOrigin.of(r.headers());
            if (origin != null) {
                tally.deadLettered(origin);
            }
        } else if (r.value() != null) {
            JsonNode node;
            try {
                node = Json.mapper().readTree(r.value());
            } catch (IOException e) {
                throw new IllegalStateException("the audit cannot read the classified record at " + at + ": " + e.getMessage(), e);
            }
            SourceOffset origin = LatencyCollector.offset(node.path("origin"));
            if (origin == null) {
                throw new IllegalStateException("the classified record at " + at + " names no origin");
            }
            tally.classified(origin);
        }
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static List<String> behind(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().filter(e -> consumer.position(e.getKey()) < e.getValue())
                .map(e -> e.getKey() + " at " + consumer.position(e.getKey()) + " of " + e.getValue()).toList();
    }
}
