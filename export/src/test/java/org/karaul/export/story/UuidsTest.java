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

    @Test
    void shouldAgreeWithAnIndependentImplementation() {
        // computed with Python's uuid.uuid5 (see EXPORT.md): anyone can derive Karaul's ids without Karaul
        assertThat(Uuids.KARAUL).hasToString("4feeea5e-6201-52e1-9c80-7cc360abfa30");
        assertThat(Uuids.of("report", "dev-border-1")).hasToString("2bc3421c-25aa-5d4d-b7cd-ce8925480cb9");
        assertThat(Uuids.of("location", "KG")).hasToString("07d84fac-23d0-55b4-9cd0-9c506134a38b");
        assertThat(Uuids.of("group", "isis")).hasToString("0b9c70df-e119-5b4b-b234-bb1fda371e9d");
    }
}
