package org.karaul.alerts.desk;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the alerts topic without a consumer group: at start it reads the latest {@code keep} alerts, then every
 * new one, keeping the latest in memory and telling the listeners (the open pages). A restart shows the same history.
 */
public final class DeskFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeskFeed.class);

    /** An alert with its offset on the (one-partition) alerts topic, which is its SSE event id. */
    public record Entry(long offset, AlertEvent event) {
    }

    private final KafkaConsumer<String, AlertEvent> consumer;
    private final int keep;
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private DeskFeed(Properties kafka, int keep) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(p, Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
        this.keep = keep;
        this.thread = new Thread(this::follow, "desk-feed");
        this.thread.setDaemon(true);
    }

    public static DeskFeed start(Properties kafka, int keep) {
        DeskFeed feed = new DeskFeed(kafka, keep);
        feed.thread.start();
        return feed;
    }

    /** The alerts kept, oldest first, after {@code afterOffset} (-1 for all). */
    public synchronized List<Entry> since(long afterOffset) {
        return recent.stream().filter(e -> e.offset() > afterOffset).toList();
    }

    public void listen(Consumer<Entry> listener) {
        listeners.add(listener);
    }

    public void unlisten(Consumer<Entry> listener) {
        listeners.remove(listener);
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - keep));
            }
            while (running) {
                for (ConsumerRecord<String, AlertEvent> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.value() != null) {
                        add(new Entry(r.offset(), r.value()));
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() asked the loop to stop
        } catch (RuntimeException e) {
            LOG.error("desk feed stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void add(Entry e) {
        synchronized (this) {
            recent.addLast(e);
            while (recent.size() > keep) {
                recent.removeFirst();
            }
        }
        for (Consumer<Entry> l : new ArrayList<>(listeners)) {
            l.accept(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
