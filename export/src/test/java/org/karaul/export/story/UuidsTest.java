package org.karaul.export.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {
    private static final UUID DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    @Test
    void shouldMatchTheKnownVersion5Vector() {
        // uuid5(NAMESPACE_DNS, "python.org") from Python's uuid documentation
        assertThat(Uuids.v5(DNS, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    }

    @Test
    void shouldBeVersion5AndStablePerName() {
        UUID a = Uuids.of("report", "dev-1");

        assertThat(a.version()).isEqualTo(5);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(Uuids.of("report", "dev-1")).isEqualTo(a);
        assertThat(Uuids.of("report", "dev-2")).isNotEqualTo(a);
        assertThat(Uuids.of("note", "dev-1")).isNotEqualTo(a);
        assertThat(Uuids.KARAUL).isEqualTo(Uuids.v5(Uuids.URL_NAMESPACE, "urn:karaul:export"));
    }
}
