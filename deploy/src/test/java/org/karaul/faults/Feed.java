package org.karaul.faults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.karaul.contract.RawItem;
import org.karaul.contract.kafka.Topics;

/**
 * Writes items, in list order, to partition 0 of {@code karaul.items.raw} at a steady rate from a thread of its own,
 * as a crawler would: an idempotent producer with {@code acks=all} that waits for each write (through a broker
 * restart too). Remembers at which offset each item landed; an item counts as "in" once the broker acknowledged it.
 */
final class Feed implements AutoCloseable {
    /** Items written but not yet classified before the feed waits: a crawler's queue is not endless either. */
    static final int MAX_BACKLOG = 200;
    private final List<RawItem> items;
    private final KafkaProducer<String, RawItem> producer;
    private final long gapNanos;
    private final Map<Long, Integer> indexAtOffset = new ConcurrentHashMap<>();
    private final AtomicInteger acked = new AtomicInteger();
    private final Thread thread;
    private volatile int limit = Integer.MAX_VALUE;
    private volatile java.util.function.IntSupplier processed = () -> Integer.MAX_VALUE;
    private volatile boolean stopping;
    private volatile Throwable failure;

    Feed(String bootstrap, List<RawItem> items, int perSecond) {
        this.items = items;
        this.gapNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), Topics.ITEMS_RAW.valueSerde().serializer());
        this.thread = new Thread(this::run, "fault-feed");
    }

    Feed start() {
        thread.start();
        return this;
    }

    private void run() {
        long next = System.nanoTime();
        try {
            for (int i = 0; i < items.size() && !stopping; i++) {
                while (!stopping && (i >= limit || i - processed.getAsInt() > MAX_BACKLOG)) {
                    Waits.pause(java.time.Duration.ofMillis(20));
                    next = System.nanoTime();
                }
                if (stopping) {
                    break;
                }
                while (System.nanoTime() < next) {
                    Waits.pause(java.time.Duration.ofNanos(Math.min(next - System.nanoTime(), 5_000_000L)));
                }
                next += gapNanos;
                RawItem item = items.get(i);
                RecordMetadata m = producer.send(new ProducerRecord<>(Topics.ITEMS_RAW.name(), 0, item.id(), item))
                        .get(300, TimeUnit.SECONDS);
                indexAtOffset.put(m.offset(), i);
                acked.incrementAndGet();
            }
        } catch (Exception | AssertionError e) {
            failure = e;
        }
    }

    /**
     * Writes at most {@code count} more items until {@link #unlimit()}: while a killed part restarts (which takes
     * minutes on a busy machine) the input stays bounded, so the item list lasts for every kill.
     */
    void limitTo(int more) {
        limit = acked() + more;
    }

    void unlimit() {
        limit = Integer.MAX_VALUE;
    }

    /** Pauses while more than {@link #MAX_BACKLOG} written items are not yet processed, as counted by {@code processed}. */
    void backlogOf(java.util.function.IntSupplier processed) {
        this.processed = processed;
    }

    /** Items acknowledged so far: they are the first {@code acked()} items of the list. */
    int acked() {
        return acked.get();
    }

    boolean finished() {
        return !thread.isAlive();
    }

    /** The list index of the item written at this raw-topic offset, or -1 for a record this feed did not write. */
    int indexAt(long rawOffset) {
        return indexAtOffset.getOrDefault(rawOffset, -1);
    }

    /** Stops writing and waits for the write in flight; fails if a write failed. */
    void stop() {
        stopping = true;
        try {
            thread.join(TimeUnit.MINUTES.toMillis(6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new AssertionError("the feed failed after " + acked() + " items", failure);
        }
    }

    /** Waits until every item is written. */
    void awaitAll(java.time.Duration timeout) {
        Waits.until(this::finished, timeout, "the feed writing all " + items.size() + " items");
        stop();
    }

    List<RawItem> sent() {
        return items.subList(0, acked());
    }

    @Override
    public void close() {
        stopping = true;
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
