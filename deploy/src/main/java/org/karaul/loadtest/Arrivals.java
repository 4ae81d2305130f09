package org.karaul.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.karaul.contract.SourceOffset;

/**
 * What the load test's reader saw on the output topics, per raw offset: the append time of an item's classified
 * record and whether it was found relevant, of the first development record that took it in, whether it was
 * dead-lettered instead, and every alert with its origins.
 *
 * <p>Nothing is checked against the {@link Ledger} when a record is read. The feeder learns a raw record's offset
 * only from the broker's acknowledgement, and on a loaded machine the processor can classify the record, commit,
 * and this reader can read the result before that acknowledgement reaches the feeder's callback; a classified
 * record dropped then for an unknown origin would leave its item "never classified" although the pipeline did its
 * work. So every origin is kept, alerts are credited only when the report asks ({@link #alertedAt}), and
 * {@link #readBeforeAcknowledged} counts the records that came that early.
 */
final class Arrivals {
    final Map<SourceOffset, Long> classifiedAt = new ConcurrentHashMap<>();
    final Map<SourceOffset, Boolean> relevant = new ConcurrentHashMap<>();
    final Map<SourceOffset, Long> developedAt = new ConcurrentHashMap<>();
    final Set<SourceOffset> deadLettered = ConcurrentHashMap.newKeySet();
    private final Set<SourceOffset> unknownWhenRead = ConcurrentHashMap.newKeySet();
    private final List<Alert> alerts = new ArrayList<>();
    private final Ledger ledger;

    /** One alert as read: its lineage's origins, its append time and when the reader got it. */
    private record Alert(List<SourceOffset> origins, long appendedMs, long readMs) {
    }

    /** When an alert credited to an item was appended and when the reader got it. */
    record Credit(long appendedMs, long readMs) {
    }

    Arrivals(Ledger ledger) {
        this.ledger = ledger;
    }

    /** A classified record of the raw record at {@code origin}; only the first one per origin counts. */
    void classified(SourceOffset origin, boolean isRelevant, long appendedMs) {
        if (ledger.get(origin) == null) {
            unknownWhenRead.add(origin);
        }
        if (classifiedAt.putIfAbsent(origin, appendedMs) == null) {
            relevant.put(origin, isRelevant);
        }
    }

    /** A development record that holds these origins. */
    void developed(List<SourceOffset> origins, long appendedMs) {
        origins.forEach(o -> developedAt.putIfAbsent(o, appendedMs));
    }

    /** A dead letter of the raw record at {@code origin}. */
    void deadLettered(SourceOffset origin) {
        deadLettered.add(origin);
    }

    /** An alert whose lineage holds these origins, appended at {@code appendedMs} and read at {@code readMs}. */
    void alert(List<SourceOffset> origins, long appendedMs, long readMs) {
        synchronized (alerts) {
            alerts.add(new Alert(List.copyOf(origins), appendedMs, readMs));
        }
    }

    /** Whether the raw record at {@code origin} has come out of the classify stage, classified or dead-lettered. */
    boolean done(SourceOffset origin) {
        return classifiedAt.containsKey(origin) || deadLettered.contains(origin);
    }

    /**
     * The alerts credited per item, in the order they were read: each to the newest item of its lineage that this run
     * wrote (by raw append time), and only the first alert an item raised.
     */
    Map<SourceOffset, Credit> alertedAt() {
        Map<SourceOffset, Credit> credited = new HashMap<>();
        synchronized (alerts) {
            for (Alert a : alerts) {
                SourceOffset newest = null;
                long newestMs = Long.MIN_VALUE;
                for (SourceOffset origin : a.origins) {
                    Ledger.Entry e = ledger.get(origin);
                    if (e != null && e.appendedMs() > newestMs) {
                        newest = origin;
                        newestMs = e.appendedMs();
                    }
                }
                if (newest != null) {
                    credited.putIfAbsent(newest, new Credit(a.appendedMs, a.readMs));
                }
            }
        }
        return credited;
    }

    /** Classified records of this run's items that were read before the feeder had their raw record's acknowledgement. */
    int readBeforeAcknowledged() {
        return (int) unknownWhenRead.stream().filter(o -> ledger.get(o) != null).count();
    }
}
