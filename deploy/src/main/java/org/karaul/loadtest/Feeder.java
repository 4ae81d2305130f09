package org.karaul.loadtest;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.karaul.contract.RawItem;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Topics;

/**
 * Writes raw items to {@code karaul.items.raw} as ingest does (idempotent producer, {@code acks=all}), either as a
 * backlog as fast as the broker takes them or at a steady rate, and notes each record's broker append time in the
 * {@link Ledger} (the topic uses {@code LogAppendTime}, so the send's metadata carries the broker's time).
 */
final class Feeder implements AutoCloseable {
    /** What a steady feed wrote and how long it took. */
    record Fed(int items, long wallMs) {
        double rate() {
            return wallMs <= 0 ? 0 : items * 1000.0 / wallMs;
        }
    }

    private final KafkaProducer<String, RawItem> producer;
    private final Ledger ledger;
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    Feeder(String servers, Ledger ledger) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        this.producer = new KafkaProducer<>(p, Topics.ITEMS_RAW.keySerde().serializer(), Topics.ITEMS_RAW.valueSerde().serializer());
        this.ledger = ledger;
    }

    /** Writes {@code count} items as fast as the broker takes them and waits until all are acknowledged. */
    int backlog(ItemMix mix, int count) {
        for (int i = 0; i < count; i++) {
            send(mix.next(), true);
        }
        producer.flush();
        requireNoFailure();
        return count;
    }

    /** Writes {@code rate} items a second for {@code duration}, evenly spaced; returns what was written and when. */
    Fed steady(ItemMix mix, int rate, Duration duration) {
        long gap = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int items = 0;
        for (long next = start; next < end; next += gap) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing the feed, not waiting for a result
            }
            send(mix.next(), false);
            items++;
        }
        producer.flush();
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        requireNoFailure();
        return new Fed(items, wall);
    }

    private void send(RawItem item, boolean backlog) {
        producer.send(new ProducerRecord<>(Topics.ITEMS_RAW.name(), item.id(), item), (m, e) -> {
            if (e != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e);
            } else {
                ledger.put(new SourceOffset(m.topic(), m.partition(), m.offset()), item.id(), m.timestamp(), backlog);
            }
        });
    }

    private void requireNoFailure() {
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " raw items could not be written to " + Topics.ITEMS_RAW.name()
                    + "; the first: " + firstFailure.get().getMessage(), firstFailure.get());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
