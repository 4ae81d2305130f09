package org.karaul.contract;

/** Where a record was read from: lineage that lets a desk replay or audit an alert. */
public record SourceOffset(String topic, int partition, long offset) {
    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
