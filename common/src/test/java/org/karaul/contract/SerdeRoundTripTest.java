package org.karaul.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.karaul.contract.kafka.JsonSerde;
import org.karaul.contract.kafka.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SerdeRoundTripTest {

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(Topics.ITEMS_RAW.valueSerde(), Samples.raw()),
                Arguments.of(Topics.ITEMS_CLASSIFIED.valueSerde(), Samples.classified()),
                Arguments.of(Topics.DEVELOPMENTS.valueSerde(), Samples.development()),
                Arguments.of(Topics.ALERTS.valueSerde(), Samples.alertEvent()),
                Arguments.of(Topics.WEBHOOK_SUBSCRIPTIONS.valueSerde(), Samples.subscription()),
                Arguments.of(Topics.FEEDBACK.valueSerde(), Samples.triage()),
                Arguments.of(Topics.SOURCE_STATUS.valueSerde(), Samples.sourceStatus()),
                Arguments.of(Topics.SOURCE_ALERTS.valueSerde(), Samples.sourceAlertEvent()),
                Arguments.of(Topics.FEEDBACK.valueSerde(), Samples.duplicateTriage()),
                Arguments.of(Topics.WEBHOOK_SUBSCRIPTIONS.valueSerde(), Samples.sealedSubscription()),
                Arguments.of(Topics.WEBHOOK_DLQ.valueSerde(), Samples.webhookDeadLetter()),
                Arguments.of(Topics.INGEST_SEEN.valueSerde(), Samples.seen()));
    }

    @ParameterizedTest
    @MethodSource("records")
    <T> void shouldReadBackWhatItWrote(JsonSerde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("t", value);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(value);
    }

    @Test
    void shouldReadRecordsWrittenBeforeLocationsExisted() {
        // as an older processor wrote them to the retained topics: no "locations" key at all
        byte[] item = Topics.ITEMS_CLASSIFIED.valueSerde().serializer().serialize("t", Samples.classified());
        String old = new String(item, StandardCharsets.UTF_8).replaceAll(",\"locations\":\\[[^\\]]*\\]", "");
        assertThat(old).doesNotContain("locations").contains("\"classifiedAt\"");
        ClassifiedItem read = Topics.ITEMS_CLASSIFIED.valueSerde().deserializer().deserialize("t", old.getBytes(StandardCharsets.UTF_8));
        assertThat(read.locations()).isEmpty();
        assertThat(read.countries()).containsExactly("KG");

        byte[] dev = Topics.DEVELOPMENTS.valueSerde().serializer().serialize("t", Samples.development());
        String oldDev = new String(dev, StandardCharsets.UTF_8).replaceAll(",\"locations\":\\[[^\\]]*\\]", "");
        assertThat(oldDev).doesNotContain("locations");
        Development readDev = Topics.DEVELOPMENTS.valueSerde().deserializer().deserialize("t", oldDev.getBytes(StandardCharsets.UTF_8));
        assertThat(readDev.locations()).isEmpty();
        assertThat(readDev.places()).containsExactly(Samples.bishkek().id());
    }

    @Test
    void shouldCarryLocationsWithTheirCoordinates() {
        byte[] bytes = Topics.ITEMS_CLASSIFIED.valueSerde().serializer().serialize("t", Samples.classified());
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\"locations\":[{\"id\":\"geonames:1528675\",\"name\":\"Bishkek\",\"country\":\"KG\",\"kind\":\"town\",\"lat\":42.87,\"lon\":74.59}]");
    }

    @Test
    void shouldWriteSeverityAsLowerCaseId() {
        byte[] bytes = Topics.ITEMS_CLASSIFIED.valueSerde().serializer().serialize("t", Samples.classified());
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"severity\":\"high\"").doesNotContain("HIGH");
    }

    @Test
    void shouldNameTypeAndTopicWhenValueIsNotJson() {
        assertThatThrownBy(() -> Topics.ITEMS_RAW.valueSerde().deserializer()
                .deserialize("karaul.items.raw", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("RawItem")
                .hasMessageContaining("karaul.items.raw");
    }

    @Test
    void shouldRefuseTheJsonLiteralNullButReadAMissingValueAsNull() {
        assertThatThrownBy(() -> Topics.DEVELOPMENTS.valueSerde().deserializer()
                .deserialize("karaul.developments", "null".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Development")
                .hasMessageContaining("JSON literal null");
        assertThat(Topics.DEVELOPMENTS.valueSerde().deserializer().deserialize("karaul.developments", null)).isNull();
    }

    @Test
    void shouldRejectRawItemWithoutUrl() {
        byte[] bytes = "{\"id\":\"a\",\"sourceId\":\"s\",\"fetchedAt\":\"2026-01-01T00:00:00Z\",\"version\":1}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Topics.ITEMS_RAW.valueSerde().deserializer().deserialize("karaul.items.raw", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("url");
    }

    @Test
    void shouldEscalateOneStepCappedAtCritical() {
        assertThat(Severity.LOW.escalate()).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.CRITICAL.escalate()).isEqualTo(Severity.CRITICAL);
        assertThatThrownBy(() -> Severity.of("urgent")).hasMessageContaining("urgent");
    }
}
