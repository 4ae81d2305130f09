package org.karaul.contract.kafka;

/** Header names on every dead-letter record: why it failed and where it was read. Values are UTF-8 text. */
public final class DeadLetterHeaders {
    /** One-line reason, e.g. the deserializer's message. */
    public static final String ERROR = "karaul.dlq.error";
    /** Exception class name. */
    public static final String EXCEPTION = "karaul.dlq.exception";
    /** Topic the record was read from. */
    public static final String TOPIC = "karaul.dlq.topic";
    /** Partition it was read from, decimal. */
    public static final String PARTITION = "karaul.dlq.partition";
    /** Offset it was read at, decimal. */
    public static final String OFFSET = "karaul.dlq.offset";
    /** Service that gave up on it. */
    public static final String SERVICE = "karaul.dlq.service";

    private DeadLetterHeaders() {
    }
}
