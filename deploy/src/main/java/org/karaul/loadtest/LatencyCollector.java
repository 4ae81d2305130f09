package org.karaul.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the pipeline's output topics with a {@code read_committed} consumer (no group: every partition assigned,
 * starting at the end so only this run's records count) and notes in its {@link Arrivals}, per raw offset, the broker
 * append time of its classified record (or its dead letter), of the first development record that took it in, and
 * every alert with when this consumer could read it. It also counts the pass-through application's copies and keeps
 * their append times.
 */
final class LatencyCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LatencyCollector.class);
    private static final List<String> TOPICS = List.of(Topics.ITEMS_CLASSIFIED.name(), Topics.ITEMS_RAW_DLQ.name(),
            Topics.DEVELOPMENTS.name(), Topics.ALERTS.name(), Topics.LOADTEST_PASSTHROUGH.name());

    final Arrivals arrivals;
    final AtomicInteger copies = new AtomicInteger();
    private final List<Long> copyTimes = new ArrayList<>();
    final Map<String, AtomicInteger> records = new ConcurrentHashMap<>();
    private final AtomicInteger unreadable = new AtomicInteger();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile long caughtUpAtNanos;
    private volatile RuntimeException failure;

    LatencyCollector(String servers, Ledger ledger) {
        this.arrivals = new Arrivals(ledger);
        this.consumer = CommittedReader.assigned(servers, TOPICS);
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
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
        if (r.topic().equals(Topics.ITEMS_RAW_DLQ.name())) {
            SourceOffset origin = DeadLetterOrigin.of(r.headers());
            if (origin != null) {
                arrivals.deadLettered(origin);
            }
            return;
        }
        if (r.value() == null) {
            return;
        }
        records.computeIfAbsent(r.topic(), t -> new AtomicInteger()).incrementAndGet();
        if (r.topic().equals(Topics.LOADTEST_PASSTHROUGH.name())) {
            synchronized (copyTimes) {
                copyTimes.add(r.timestamp());
            }
            copies.incrementAndGet();
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
            if (origin != null) {
                arrivals.classified(origin, node.path("relevant").asBoolean(false), r.timestamp());
            }
        } else if (r.topic().equals(Topics.DEVELOPMENTS.name())) {
            arrivals.developed(offsets(node.path("origins")), r.timestamp());
        } else {
            arrivals.alert(offsets(node.path("data").path("lineage").path("origins")), r.timestamp(), System.currentTimeMillis());
        }
    }

    private static List<SourceOffset> offsets(JsonNode origins) {
        List<SourceOffset> out = new ArrayList<>();
        for (JsonNode o : origins) {
            SourceOffset origin = offset(o);
            if (origin != null) {
                out.add(origin);
            }
        }
        return out;
    }

    static SourceOffset offset(JsonNode o) {
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

    /** The append time of every copy the pass-through application wrote, in the order read. */
    long[] copyTimes() {
        synchronized (copyTimes) {
            return copyTimes.stream().mapToLong(Long::longValue).toArray();
        }
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
