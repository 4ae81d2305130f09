package org.karaul.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class StateSerdeTest {
    record Sample(String id, Instant at, List<int[]> signatures, String absent) {
    }

    private final Serde<Sample> serde = StateSerde.of(Sample.class);

    @Test
    void shouldReadBackWhatItWroteWithInstantsAndArrays() {
        Sample s = new Sample("dev-1", Instant.parse("2026-12-03T10:15:30.123Z"), List.of(new int[] {1, -2, 300_000}), null);

        Sample back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", s));

        assertThat(back.id()).isEqualTo("dev-1");
        assertThat(back.at()).isEqualTo(s.at());
        assertThat(back.signatures()).hasSize(1);
        assertThat(back.signatures().get(0)).containsExactly(1, -2, 300_000);
        assertThat(back.absent()).isNull();
    }

    @Test
    void shouldNameTheTypeAndTopicOfAValueItCannotRead() {
        byte[] json = "{\"id\":\"dev-1\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("some-changelog", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Sample").hasMessageContaining("some-changelog");
    }
}
