package org.karaul.deadletter;

/**
 * A record a stage refuses: unreadable, the wrong shape, too large, or keyed wrongly. Carries where it was read, so
 * the log line and the dead letter name it.
 */
public final class BadRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final int partition;
    private final long offset;

    public BadRecordException(String reason, String topic, int partition, long offset) {
        this(reason, topic, partition, offset, null);
    }

    public BadRecordException(String reason, String topic, int partition, long offset, Throwable cause) {
        super(reason + " (at " + topic + "-" + partition + "@" + offset + ")", cause);
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }
}
