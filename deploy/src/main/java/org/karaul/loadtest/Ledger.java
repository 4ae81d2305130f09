package org.karaul.loadtest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.karaul.contract.SourceOffset;

/**
 * Where each fed item was written on {@code karaul.items.raw} and when the broker appended it: the key every later
 * stage refers back to (a classified item's origin, a development's and an alert's origins). An entry is made when
 * the broker's acknowledgement reaches the feeder, which can be after the pipeline has already classified the record
 * and the load test's reader has read the result, so readers resolve origins against it only when the report is made.
 */
final class Ledger {
    /**
     * @param id         the item's id (the raw record's key)
     * @param appendedMs the broker's append time of the raw record
     * @param backlog    whether it belongs to the backlog (saturation) rather than the steady feed
     */
    record Entry(String id, long appendedMs, boolean backlog) {
    }

    private final Map<SourceOffset, Entry> entries = new ConcurrentHashMap<>();

    void put(SourceOffset at, String id, long appendedMs, boolean backlog) {
        entries.put(at, new Entry(id, appendedMs, backlog));
    }

    /** The entry of a raw offset, or null for a record this run did not write. */
    Entry get(SourceOffset at) {
        return entries.get(at);
    }

    Map<SourceOffset, Entry> entries() {
        return entries;
    }
}
