package org.karaul.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples each stage's consumer lag once a second: per partition, the topic's last stable offset minus the group's
 * committed offset (a partition the group has not committed counts from 0). The largest sample since
 * {@link #resetMax()} and the current value are kept per stage. An exactly-once stage may stay one record behind on
 * a partition at rest: the commit marker after its last transaction counts as a record.
 */
final class LagMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LagMonitor.class);

    /** One stage: a consumer group reading one topic. */
    record Watched(String stage, String group, String topic) {
    }

    private final Admin admin;
    private final List<Watched> watched;
    private final Map<Watched, Long> max = new ConcurrentHashMap<>();
    private final Map<Watched, long[]> last = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loadtest-lag");
        t.setDaemon(true);
        return t;
    });

    LagMonitor(String servers, List<Watched> watched) {
        Properties p = new Properties();
        p.put("bootstrap.servers", servers);
        this.admin = Admin.create(p);
        this.watched = List.copyOf(watched);
        timer.scheduleWithFixedDelay(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        for (Watched w : watched) {
            try {
                long[] perPartition = lag(w);
                last.put(w, perPartition);
                long total = sum(perPartition);
                max.merge(w, total, Math::max);
            } catch (Exception e) {
                LOG.debug("lag of {} not sampled: {}", w.group(), e.toString());
            }
        }
    }

    private long[] lag(Watched w) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(w.group())
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(w.topic())).allTopicNames().get(10, TimeUnit.SECONDS).get(w.topic()).partitions()
                .forEach(p -> latest.put(new TopicPartition(w.topic(), p.partition()), OffsetSpec.latest()));
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(10, TimeUnit.SECONDS);
        long[] out = new long[latest.size()];
        List<TopicPartition> partitions = new ArrayList<>(latest.keySet());
        partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
        for (int i = 0; i < partitions.size(); i++) {
            OffsetAndMetadata c = committed.get(partitions.get(i));
            out[i] = Math.max(0, ends.get(partitions.get(i)).offset() - (c == null ? 0 : c.offset()));
        }
        return out;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    /** Starts a new maximum (the steady feed's) from now. */
    void resetMax() {
        max.clear();
    }

    /** The largest lag sampled since {@link #resetMax()}. */
    long max(Watched w) {
        return max.getOrDefault(w, 0L);
    }

    /** The lag now, sampled on the spot. */
    long now(Watched w) {
        try {
            return sum(lag(w));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the lag of group " + w.group() + " on " + w.topic(), e);
        }
    }

    /** Whether the stage is caught up: at most one record (a commit marker) behind on each partition. */
    boolean caughtUp(Watched w) {
        try {
            for (long l : lag(w)) {
                if (l > 1) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    List<Watched> watched() {
        return watched;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close();
    }
}
