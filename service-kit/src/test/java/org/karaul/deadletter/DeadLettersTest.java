package org.karaul.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.karaul.contract.kafka.DeadLetterHeaders;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
    private final DeadLetters deadLetters = new DeadLetters("t.dlq", "stage", 64 * 1024);

    @Test
    void shouldKeepKeyValueAndOriginalHeadersAndNameTheReasonAndWhereItWasRead() {
        Headers original = new RecordHeaders().add("trace", bytes("abc")).add(DeadLetterHeaders.ERROR, bytes("stale"));
        ProducerRecord<byte[], byte[]> r = deadLetters.record("t", 2, 41, bytes("k"), bytes("v"), original,
                new SerializationException("cannot read X\nsecond line"));

        assertThat(r.topic()).isEqualTo("t.dlq");
        assertThat(r.key()).isEqualTo(bytes("k"));
        assertThat(r.value()).isEqualTo(bytes("v"));
        assertThat(header(r, "trace")).isEqualTo("abc");
        assertThat(header(r, DeadLetterHeaders.ERROR)).isEqualTo("cannot read X");
        assertThat(r.headers().headers(DeadLetterHeaders.ERROR)).hasSize(1);
        assertThat(header(r, DeadLetterHeaders.EXCEPTION)).isEqualTo(SerializationException.class.getName());
        assertThat(header(r, DeadLetterHeaders.TOPIC)).isEqualTo("t");
        assertThat(header(r, DeadLetterHeaders.PARTITION)).isEqualTo("2");
        assertThat(header(r, DeadLetterHeaders.OFFSET)).isEqualTo("41");
        assertThat(header(r, DeadLetterHeaders.SERVICE)).isEqualTo("stage");
        assertThat(r.headers().lastHeader(DeadLetterHeaders.EXCERPT)).isNull();
    }

    @Test
    void shouldCutATooLargeValueToAnExcerptWithItsHashAndSize() {
        byte[] huge = new byte[5 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        byte[] longKey = new byte[4000];
        ProducerRecord<byte[], byte[]> r = deadLetters.record("t", 0, 7, longKey, huge, null, new IllegalStateException());

        assertThat(r.value()).hasSize(DeadLetters.EXCERPT_BYTES);
        assertThat(header(r, DeadLetterHeaders.EXCERPT)).isEqualTo(Integer.toString(DeadLetters.EXCERPT_BYTES));
        assertThat(header(r, DeadLetterHeaders.SIZE)).isEqualTo(Integer.toString(huge.length));
        assertThat(header(r, DeadLetterHeaders.SHA256)).isEqualTo(DeadLetters.sha256Hex(huge)).hasSize(64);
        assertThat(r.key()).hasSize(DeadLetters.MAX_KEY_BYTES);
        assertThat(header(r, DeadLetterHeaders.KEY_SIZE)).isEqualTo("4000");
        assertThat(header(r, DeadLetterHeaders.ERROR)).isEqualTo("IllegalStateException");
    }

    @Test
    void shouldKeepNoMoreThanABoundedShareOfTheOriginalHeaders() {
        Headers original = new RecordHeaders();
        for (int i = 0; i < 2000; i++) {
            original.add("h" + i, new byte[1000]);
        }
        original.add("huge", new byte[100_000]);
        ProducerRecord<byte[], byte[]> r = deadLetters.record("t", 0, 1, null, bytes("v"), original, new IllegalStateException());

        int kept = 0;
        for (var h : r.headers()) {
            kept += h.key().length() + h.value().length;
        }
        assertThat(kept).isLessThan(DeadLetters.MAX_HEADER_BYTES + 2048);
        assertThat(r.headers().lastHeader("h0")).isNotNull();
        assertThat(r.headers().lastHeader("huge")).isNull();
        assertThat(header(r, DeadLetterHeaders.OFFSET)).isEqualTo("1");
    }

    @Test
    void shouldTakeAMissingKeyAndValue() {
        ProducerRecord<byte[], byte[]> r = deadLetters.record("t", 0, 1, null, null, null,
                new BadRecordException("record has no value", "t", 0, 1));
        assertThat(r.key()).isNull();
        assertThat(r.value()).isNull();
        assertThat(header(r, DeadLetterHeaders.ERROR)).isEqualTo("record has no value (at t-0@1)");
    }

    @Test
    void shouldRefuseALimitBelowTheExcerpt() {
        assertThatThrownBy(() -> new DeadLetters("t.dlq", "s", 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseToReadAValueOverTheSizeLimitBeforeParsingIt() {
        var serde = SizeLimit.of(org.apache.kafka.common.serialization.Serdes.String(), 4);
        assertThat(serde.deserializer().deserialize("t", bytes("abcd"))).isEqualTo("abcd");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes("abcde")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("over the limit of 4");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ProducerRecord<?, ?> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
