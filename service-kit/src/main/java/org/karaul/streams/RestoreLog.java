package org.karaul.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log how long a Streams application took to rebuild each store from its changelog: one line per store
 * and changelog partition, with the records read and the milliseconds from the first to the last. A restart's time
 * to its first output is mostly start-up, group join and this; the lines say which store holds it up.
 *
 * <pre>
 * alerts restored store developments-open-by-family from karaul-alerts-developments-open-by-family-changelog-0:
 * 1,204 records (offsets 0..1,530) in 412 ms
 * </pre>
 */
public final class RestoreLog implements StateRestoreListener {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreLog.class);
    private final String application;
    private final LongSupplier nanos;
    private final Map<TopicPartition, Started> started = new ConcurrentHashMap<>();

    private record Started(long atNanos, long from, long to) {
    }

    RestoreLog(String application, LongSupplier nanos) {
        this.application = application;
        this.nanos = nanos;
    }

    /** Sets this listener on {@code streams} (before it starts); {@code application} names the stage in the log. */
    public static void install(KafkaStreams streams, String application) {
        streams.setGlobalStateRestoreListener(new RestoreLog(application, System::nanoTime));
    }

    @Override
    public void onRestoreStart(TopicPartition changelog, String store, long startingOffset, long endingOffset) {
        started.put(changelog, new Started(nanos.getAsLong(), startingOffset, endingOffset));
    }

    @Override
    public void onBatchRestored(TopicPartition changelog, String store, long batchEndOffset, long numRestored) {
        // the end is what counts: a batch line per poll would say nothing more
    }

    @Override
    public void onRestoreEnd(TopicPartition changelog, String store, long totalRestored) {
        LOG.info(line(changelog, store, totalRestored, "restored"));
    }

    @Override
    public void onRestoreSuspended(TopicPartition changelog, String store, long totalRestored) {
        LOG.info(line(changelog, store, totalRestored, "stopped restoring (task moved)"));
    }

    /** The log line for a store whose restoration from {@code changelog} ended or stopped now. */
    String line(TopicPartition changelog, String store, long records, String what) {
        Started s = started.remove(changelog);
        String span = s == null ? "" : String.format(java.util.Locale.ROOT, " (offsets %,d..%,d) in %,d ms", s.from(), s.to(),
                (nanos.getAsLong() - s.atNanos()) / 1_000_000);
        return String.format(java.util.Locale.ROOT, "%s %s store %s from %s: %,d records%s", application, what, store,
                changelog, records, span);
    }
}
