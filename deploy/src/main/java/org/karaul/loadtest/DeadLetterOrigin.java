package org.karaul.loadtest;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.DeadLetterHeaders;

/** Where a dead letter was read: its {@code karaul.dlq.topic}, {@code .partition} and {@code .offset} headers. */
final class DeadLetterOrigin {
    private DeadLetterOrigin() {
    }

    /** The offset the dead-lettered record was read at, or null when a header is missing or not a number. */
    static SourceOffset of(Headers headers) {
        String topic = text(headers, DeadLetterHeaders.TOPIC);
        String partition = text(headers, DeadLetterHeaders.PARTITION);
        String offset = text(headers, DeadLetterHeaders.OFFSET);
        if (topic == null || partition == null || offset == null) {
            return null;
        }
        try {
            return new SourceOffset(topic, Integer.parseInt(partition), Long.parseLong(offset));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
