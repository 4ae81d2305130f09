package org.karaul.alerts.desk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.karaul.alerts.precision.RulePrecision;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.SourceStatus;
import org.karaul.contract.Triage;
import org.karaul.contract.kafka.Topics;
import org.karaul.streams.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the alerts, developments and feedback topics without a consumer group. It keeps the latest {@code keep}
 * alerts (read again at start, so a restart shows the same history) and tells the listeners (the open pages) of each
 * new one; it keeps the latest state of recent developments, so a click shows a timeline that grew after the alert;
 * and it keeps every development's latest triage mark (the compacted feedback topic, read whole), telling the pages
 * of each new mark, whichever instance or page wrote it. From the alerts and marks it reads it keeps each rule's
 * precision ({@link RulePrecision}) for the desk's Rules view.
 */
public final class DeskFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeskFeed.class);
    private static final int DEVELOPMENTS_KEPT = 5000;

    /** An alert with its offset on the (one-partition) alerts topic, which is its SSE event id. */
    public record Entry(long offset, AlertEvent event) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final int keep;
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final Map<String, Development> developments = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Development> eldest) {
            return size() > DEVELOPMENTS_KEPT;
        }
    };
    private final Map<String, Triage> marks = new LinkedHashMap<>();
    private final Map<String, SourceStatus> sources = new java.util.TreeMap<>();
    private final RulePrecision precision = new RulePrecision();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Triage>> markListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private DeskFeed(Properties kafka, int keep) {
        this.consumer = new KafkaConsumer<>(consumerProperties(kafka), new StringDeserializer(), new ByteArrayDeserializer());
        this.keep = keep;
        this.thread = new Thread(this::follow, "desk-feed");
        this.thread.setDaemon(true);
    }

    static Properties consumerProperties(Properties kafka) {
        return ClientProperties.from(kafka).readCommitted().manualCommit().build();
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

    /** The latest state of a recent development, or null. */
    public synchronized Development development(String id) {
        return developments.get(id);
    }

    /** The open (not closed) developments kept, most recently seen first, at most {@code max}. */
    public synchronized List<Development> open(int max) {
        return developments.values().stream().filter(d -> d.status() != DevelopmentStatus.CLOSED)
                .sorted(Comparator.comparing(Development::lastSeen,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(max).toList();
    }

    /** Each crawled source's latest status (as ingest last wrote it), by source id. */
    public synchronized List<SourceStatus> sources() {
        return List.copyOf(sources.values());
    }

    /** Every development's latest triage mark, in the order they were first marked. */
    public synchronized List<Triage> marks() {
        return List.copyOf(marks.values());
    }

    /** The latest alert kept for a development, or null. */
    public synchronized AlertEvent latestAlert(String developmentId) {
        for (Iterator<Entry> it = recent.descendingIterator(); it.hasNext(); ) {
            AlertEvent e = it.next().event();
            if (e.data() != null && developmentId.equals(e.data().developmentId())) {
                return e;
            }
        }
        return null;
    }

    /**
     * Each rule's and category's precision as the marks judge it, worst first ({@link RulePrecision#json()}), over the
     * alerts this feed has read since it started (the latest {@code keep} at start, then every new one) and every mark.
     */
    public synchronized ObjectNode precision() {
        return precision.json();
    }

    public void listenMarks(Consumer<Triage> listener) {
        markListeners.add(listener);
    }

    public void unlistenMarks(Consumer<Triage> listener) {
        markListeners.remove(listener);
    }

    public void listen(Consumer<Entry> listener) {
        listeners.add(listener);
    }

    public void unlisten(Consumer<Entry> listener) {
        listeners.remove(listener);
    }

    private void follow() {
        try {
            seekToRecent(Topics.ALERTS.name(), keep);
            seekToRecent(Topics.DEVELOPMENTS.name(), DEVELOPMENTS_KEPT);
            seekToRecent(Topics.FEEDBACK.name(), Integer.MAX_VALUE);
            seekToRecent(Topics.SOURCE_STATUS.name(), Integer.MAX_VALUE);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    read(r);
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

    private void seekToRecent(String topic, int records) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        List<TopicPartition> all = new ArrayList<>(consumer.assignment());
        all.addAll(partitions);
        consumer.assign(all);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - (long) records));
        }
    }

    private void read(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            if (r.topic().equals(Topics.FEEDBACK.name()) && r.key() != null) {
                synchronized (this) {
                    marks.remove(r.key()); // a cleared mark
                    precision.cleared(r.key());
                }
            }
            return;
        }
        try {
            if (r.topic().equals(Topics.SOURCE_STATUS.name())) {
                SourceStatus st = Topics.SOURCE_STATUS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                synchronized (this) {
                    sources.put(st.sourceId(), st);
                }
            } else if (r.topic().equals(Topics.FEEDBACK.name())) {
                mark(Topics.FEEDBACK.valueSerde().deserializer().deserialize(r.topic(), r.value()));
            } else if (r.topic().equals(Topics.ALERTS.name())) {
                add(new Entry(r.offset(), Topics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value())));
            } else {
                Development d = Topics.DEVELOPMENTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                synchronized (this) {
                    developments.put(d.id(), d);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("desk feed skips an unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    private void mark(Triage t) {
        synchronized (this) {
            if (t.equals(marks.get(t.developmentId()))) {
                return;
            }
            marks.put(t.developmentId(), t);
            precision.mark(t);
        }
        for (Consumer<Triage> l : new ArrayList<>(markListeners)) {
            l.accept(t);
        }
    }

    private void add(Entry e) {
        synchronized (this) {
            recent.addLast(e);
            precision.alert(e.event());
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
