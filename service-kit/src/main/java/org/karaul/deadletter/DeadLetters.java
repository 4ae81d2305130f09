package org.karaul.deadletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.karaul.contract.kafka.DeadLetterHeaders;

/**
 * Makes the dead letter of a record one stage could not process: its key and value bytes as read, and
 * {@link DeadLetterHeaders} naming the reason, the exception class, the topic, partition and offset it was read at,
 * and the stage. A value larger than {@code maxValueBytes} is cut to its first {@link #EXCERPT_BYTES} bytes, with
 * its SHA-256 and original size in headers (the original stays on its topic), so a dead letter always fits the
 * dead-letter topic's size limit; keys longer than {@link #MAX_KEY_BYTES} are cut the same way. Original headers
 * are kept, except {@code karaul.dlq.*} ones, any longer than {@link #MAX_KEY_BYTES}, and those past
 * {@link #MAX_HEADER_BYTES} in all.
 *
 * @param topic         the stage's dead-letter topic
 * @param service       the stage, for {@link DeadLetterHeaders#SERVICE} (e.g. {@code processor})
 * @param maxValueBytes largest value kept whole; keep it well under the producer's {@code max.request.size}
 */
public record DeadLetters(String topic, String service, int maxValueBytes) {
    /** Bytes of a too-large value kept as its excerpt. */
    public static final int EXCERPT_BYTES = 16 * 1024;
    /** Longest key (and original header value) kept whole. */
    public static final int MAX_KEY_BYTES = 1024;
    /** Most bytes of original headers kept, all together. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Longest reason kept in {@link DeadLetterHeaders#ERROR}. */
    static final int MAX_REASON_CHARS = 500;

    public DeadLetters {
        if (maxValueBytes < EXCERPT_BYTES) {
            throw new IllegalArgumentException("maxValueBytes must be at least " + EXCERPT_BYTES + ", was " + maxValueBytes);
        }
    }

    /** The dead letter of one record, ready to forward or send. */
    public record Letter(byte[] key, byte[] value, Headers headers) {
        public ProducerRecord<byte[], byte[]> toProducerRecord(String deadLetterTopic) {
            return new ProducerRecord<>(deadLetterTopic, null, key, value, headers);
        }
    }

    /**
     * The dead letter of the record read at {@code sourceTopic}-{@code partition}@{@code offset}.
     *
     * @param original the record's headers, or null
     */
    public Letter letter(String sourceTopic, int partition, long offset, byte[] key, byte[] value, Headers original,
                         Throwable error) {
        Headers h = new RecordHeaders();
        if (original != null) {
            int kept = 0;
            for (Header header : original) {
                int size = header.key().length() + (header.value() == null ? 0 : header.value().length);
                if (!header.key().startsWith("karaul.dlq.") && size <= MAX_KEY_BYTES && kept + size <= MAX_HEADER_BYTES) {
                    h.add(header.key(), header.value());
                    kept += size;
                }
            }
        }
        put(h, DeadLetterHeaders.ERROR, reason(error));
        put(h, DeadLetterHeaders.EXCEPTION, error == null ? "none" : error.getClass().getName());
        put(h, DeadLetterHeaders.TOPIC, sourceTopic == null ? "unknown" : sourceTopic);
        put(h, DeadLetterHeaders.PARTITION, Integer.toString(partition));
        put(h, DeadLetterHeaders.OFFSET, Long.toString(offset));
        put(h, DeadLetterHeaders.SERVICE, service);
        byte[] keptValue = value;
        if (value != null && value.length > maxValueBytes) {
            keptValue = Arrays.copyOf(value, EXCERPT_BYTES);
            put(h, DeadLetterHeaders.EXCERPT, Integer.toString(EXCERPT_BYTES));
            put(h, DeadLetterHeaders.SIZE, Integer.toString(value.length));
            put(h, DeadLetterHeaders.SHA256, sha256Hex(value));
        }
        byte[] keptKey = key;
        if (key != null && key.length > MAX_KEY_BYTES) {
            keptKey = Arrays.copyOf(key, MAX_KEY_BYTES);
            put(h, DeadLetterHeaders.KEY_SIZE, Integer.toString(key.length));
        }
        return new Letter(keptKey, keptValue, h);
    }

    /** {@link #letter} as a record for this stage's dead-letter topic. */
    public ProducerRecord<byte[], byte[]> record(String sourceTopic, int partition, long offset, byte[] key, byte[] value,
                                                 Headers original, Throwable error) {
        return letter(sourceTopic, partition, offset, key, value, original, error).toProducerRecord(topic);
    }

    /** The first line of the error's message (or of its cause's, when it has none), at most 500 characters. */
    static String reason(Throwable error) {
        Throwable t = error;
        while (t != null && t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t == null ? null : t.getMessage();
        if (message == null) {
            return t == null ? "no detail" : t.getClass().getSimpleName();
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > MAX_REASON_CHARS ? line.substring(0, MAX_REASON_CHARS) + "…" : line;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
