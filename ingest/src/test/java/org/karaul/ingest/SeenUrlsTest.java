package org.karaul.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.karaul.contract.SeenUrl;
import org.karaul.contract.kafka.Topics;
import org.junit.jupiter.api.Test;

/** No record on the seen topic keeps ingest from starting: unreadable marks are skipped, the good ones restored. */
class SeenUrlsTest {
    private static final TopicPartition TP = new TopicPartition(Topics.INGEST_SEEN.name(), 0);

    @Test
    void shouldSkipUnreadableMarksAndRestoreTheOthers() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TP.topic(), List.of(new PartitionInfo(TP.topic(), 0, node, new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(TP, 0L));
        List<byte[]> poison = List.of(bytes("<html>not json"), bytes("null"), bytes("[1, 2]"),
                bytes("{\"url\": [], \"version\": \"x\"}"), new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                bytes("[" + "1,".repeat(2_600_000) + "1]"));
        consumer.updateEndOffsets(Map.of(TP, (long) poison.size() + 3));
        consumer.schedulePollTask(() -> {
            long offset = 0;
            consumer.addRecord(record(offset++, "a", serialize(mark("https://x.example/a"))));
            for (byte[] p : poison) {
                consumer.addRecord(record(offset++, "bad", p));
            }
            consumer.addRecord(record(offset++, null, serialize(mark("https://x.example/nokey"))));
            consumer.addRecord(record(offset, "b", serialize(mark("https://x.example/b"))));
        });

        SeenUrls seen = SeenUrls.restore(consumer, Duration.ofSeconds(10));

        assertThat(seen.size()).isEqualTo(2);
        assertThat(seen.find("a")).isPresent();
        assertThat(seen.find("b")).isPresent();
        assertThat(seen.find("bad")).isEmpty();
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String key, byte[] value) {
        return new ConsumerRecord<>(TP.topic(), 0, offset, key, value);
    }

    private static SeenUrl mark(String url) {
        return new SeenUrl(url, "hash", 1, Instant.parse("2026-11-22T10:00:00Z"));
    }

    private static byte[] serialize(SeenUrl s) {
        return Topics.INGEST_SEEN.valueSerde().serializer().serialize("t", s);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
