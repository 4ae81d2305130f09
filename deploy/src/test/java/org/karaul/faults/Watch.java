package org.karaul.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.kafka.Topics;

/**
 * Reads {@code karaul.items.classified} and {@code karaul.alerts} from the start with {@code read_committed}, as
 * every downstream reader does, on a thread of its own for the whole scenario (through broker restarts), noting
 * when each record became readable. Records it cannot read (the poison catalogue's) are counted, not kept.
 */
final class Watch implements AutoCloseable {
    /** An alert as read, with the offset it was read at and when. */
    record Seen(long offset, AlertEvent event, long atNanos) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final Map<String, Integer> classifiedCount = new ConcurrentHashMap<>();
    private final List<Long> classifiedAt = new CopyOnWriteArrayList<>();
    private final List<Seen> alerts = new CopyOnWriteArrayList<>();
    private final Map<TopicPartition, Long> position = new ConcurrentHashMap<>();
    private volatile int unreadable;
    private volatile boolean stopping;

    Watch(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(partitions());
        thread = new Thread(this::run, "fault-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!stopping) {
            try {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    take(r, System.nanoTime());
                }
                for (TopicPartition tp : consumer.assignment()) {
                    position.put(tp, consumer.position(tp, Duration.ofSeconds(1)));
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            } catch (RuntimeException e) {
                Waits.pause(Duration.ofMillis(100));
            }
        }
    }

    private void take(ConsumerRecord<byte[], byte[]> r, long now) {
        if (r.headers().lastHeader(Poison.HEADER) != null || r.value() == null) {
            unreadable++;
            return;
        }
        try {
            if (r.topic().equals(Topics.ITEMS_CLASSIFIED.name())) {
                ClassifiedItem c = Topics.ITEMS_CLASSIFIED.valueSerde().deserializer().deserialize(r.topic(), r.value());
                classifiedCount.merge(c.item().id(), 1, Integer::sum);
                classifiedAt.add(now);
            } else {
                alerts.add(new Seen(r.offset(), Topics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value()), now));
            }
        } catch (RuntimeException e) {
            unreadable++;
        }
    }

    /** Every partition the watch reads: each of the classified topic's (as {@code Topics} creates it) and the alerts'. */
    static List<TopicPartition> partitions() {
        List<TopicPartition> parts = new ArrayList<>();
        for (int p = 0; p < Topics.ITEMS_CLASSIFIED.partitions(); p++) {
            parts.add(new TopicPartition(Topics.ITEMS_CLASSIFIED.name(), p));
        }
        for (int p = 0; p < Topics.ALERTS.partitions(); p++) {
            parts.add(new TopicPartition(Topics.ALERTS.name(), p));
        }
        return parts;
    }

    /** The position reached on {@code partition} (past commit and abort markers too), or -1 before the first poll. */
    long position(TopicPartition partition) {
        return position.getOrDefault(partition, -1L);
    }

    Map<String, Integer> classified() {
        return classifiedCount;
    }

    int classifiedRecords() {
        return classifiedAt.size();
    }

    List<Seen> alerts() {
        return new ArrayList<>(alerts);
    }

    /** When the first classified item readable after {@code nanos} became readable, or -1. */
    long firstClassifiedAfter(long nanos) {
        return classifiedAt.stream().filter(t -> t > nanos).findFirst().orElse(-1L);
    }

    /** When the first alert readable after {@code nanos} became readable, or -1. */
    long firstAlertAfter(long nanos) {
        return alerts.stream().mapToLong(Seen::atNanos).filter(t -> t > nanos).findFirst().orElse(-1L);
    }

    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
    }
}
