package org.karaul.contract.kafka;

/**
 * Header names on every dead-letter record (on each stage's {@code *.dlq} topic): why it failed and where it was
 * read. Values are UTF-8 text. The original record stays on its topic; a dead letter is a report, not a move.
 */
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
    /** Service (and stage) that gave up on it. */
    public static final String SERVICE = "karaul.dlq.service";
    /**
     * Present when the value was too large to dead-letter whole: the value is then only its first bytes, and
     * this header says how many of them were kept, decimal.
     */
    public static final String EXCERPT = "karaul.dlq.excerpt";
    /** Size in bytes of the original value, decimal; set with {@link #EXCERPT}. */
    public static final String SIZE = "karaul.dlq.size";
    /** SHA-256 of the original value, lower-case hex; set with {@link #EXCERPT}. */
    public static final String SHA256 = "karaul.dlq.sha256";
    /** Present when the key was too long to keep whole; then it is cut like the value, and this is its original size. */
    public static final String KEY_SIZE = "karaul.dlq.key.size";

    private DeadLetterHeaders() {
    }
}
