package org.karaul.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the pipeline's output topics with a {@code read_committed} consumer (no group: every partition assigned,
 * starting at the end so only this run's records count) and notes, per fed item, the broker append time of its
 * classified record, of the first development record that took it in, and of the alert it raised (an alert is
 * credited to the newest item of its lineage, and only the first time), plus when this consumer could read that
 * alert. It also counts the pass-through application's copies and their first and last append times.
 */
final class LatencyCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LatencyCollector.class);
    private static final List<String> TOPICS = List.of(Topics.ITEMS_CLASSIFIED.name(), Topics.DEVELOPMENTS.name(),
            Topics.ALERTS.name(), Topics.LOADTEST_PASSTHROUGH.name());

    final Map<SourceOffset, Long> classifiedAt = new ConcurrentHashMap<>();
    final Map<SourceOffset, Boolean> relevant = new ConcurrentHashMap<>();
    final Map<SourceOffset, Long> developedAt = new ConcurrentHashMap<>();
    final Map<SourceOffset, Long> alertedAt = new ConcurrentHashMap<>();
    final Map<SourceOffset, Long> alertReadAt = new ConcurrentHashMap<>();
    final AtomicInteger copies = new AtomicInteger();
    final AtomicLong firstCopyMs = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastCopyMs = new AtomicLong(Long.MIN_VALUE);
    final Map<String, AtomicInteger> records = new ConcurrentHashMap<>();
    private final AtomicInteger unreadable = new AtomicInteger();
    private final Ledger ledger;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile long caughtUpAtNanos;
    private volatile RuntimeException failure;

    LatencyCollector(String servers, Ledger ledger) {
        this.ledger = ledger;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic, Duration.ofSeconds(60))
                    .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::loop, "loadtest-collector");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long lastCheck = 0;
        try {
            while (true) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    take(r);
                }
                if (System.nanoTime() - lastCheck > 250_000_000L) {
                    lastCheck = System.nanoTime();
                    // endOffsets of a read_committed consumer are the last stable offsets
                    boolean atEnd = consumer.endOffsets(consumer.assignment()).entrySet().stream()
                            .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                    if (atEnd) {
                        caughtUpAtNanos = lastCheck;
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("the latency collector stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void take(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return;
        }
        records.computeIfAbsent(r.topic(), t -> new AtomicInteger()).incrementAndGet();
        if (r.topic().equals(Topics.LOADTEST_PASSTHROUGH.name())) {
            copies.incrementAndGet();
            firstCopyMs.accumulateAndGet(r.timestamp(), Math::min);
            lastCopyMs.accumulateAndGet(r.timestamp(), Math::max);
            return;
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(r.value());
        } catch (IOException e) {
            unreadable.incrementAndGet();
            return;
        }
        if (r.topic().equals(Topics.ITEMS_CLASSIFIED.name())) {
            SourceOffset origin = offset(node.path("origin"));
            if (origin != null && ledger.get(origin) != null) {
                classifiedAt.putIfAbsent(origin, r.timestamp());
                relevant.put(origin, node.path("relevant").asBoolean(false));
            }
        } else if (r.topic().equals(Topics.DEVELOPMENTS.name())) {
            for (JsonNode o : node.path("origins")) {
                SourceOffset origin = offset(o);
                if (origin != null && ledger.get(origin) != null) {
                    developedAt.putIfAbsent(origin, r.timestamp());
                }
            }
        } else {
            alert(node.path("data").path("lineage").path("origins"), r.timestamp());
        }
    }

    /** Credits the alert to the newest item of its lineage, unless that item already raised one. */
    private void alert(JsonNode origins, long appendedMs) {
        SourceOffset newest = null;
        long newestMs = Long.MIN_VALUE;
        for (JsonNode o : origins) {
            SourceOffset origin = offset(o);
            Ledger.Entry e = origin == null ? null : ledger.get(origin);
            if (e != null && e.appendedMs() > newestMs) {
                newest = origin;
                newestMs = e.appendedMs();
            }
        }
        if (newest != null && alertedAt.putIfAbsent(newest, appendedMs) == null) {
            alertReadAt.put(newest, System.currentTimeMillis());
        }
    }

    private static SourceOffset offset(JsonNode o) {
        if (!o.hasNonNull("topic") || !o.hasNonNull("offset")) {
            return null;
        }
        return new SourceOffset(o.get("topic").asText(), o.path("partition").asInt(), o.get("offset").asLong());
    }

    /** Whether the collector has read every partition to its last stable offset at some check after {@code nanos}. */
    boolean caughtUpSince(long nanos) {
        if (failure != null) {
            throw new IllegalStateException("the latency collector stopped: " + failure.getMessage(), failure);
        }
        return caughtUpAtNanos > nanos;
    }

    /** Records on the output topics that were not JSON (the pipeline's dead-letter topics get the bad input). */
    int unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
