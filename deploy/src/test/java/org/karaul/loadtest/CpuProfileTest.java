package org.karaul.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the flight-recording breakdown files a sample: innermost claimed frame first, state-store reads apart. */
class CpuProfileTest {

    private static String[] frame(String type, String method) {
        return new String[] {type, method};
    }

    @Test
    void shouldFileASampleUnderItsInnermostClaimedFrame() {
        List<String[]> parsingInGrouping = List.of(frame("java.util.HashMap", "get"),
                frame("com.fasterxml.jackson.core.json.UTF8StreamJsonParser", "nextToken"),
                frame("org.karaul.alerts.develop.Grouping", "place"),
                frame("org.apache.kafka.streams.processor.internals.StreamTask", "process"));
        assertThat(CpuProfile.partOf(parsingInGrouping)).isEqualTo("deserialisation (input records, JSON)");

        List<String[]> lookupInGrouping = List.of(frame("java.util.HashMap", "get"),
                frame("org.karaul.alerts.develop.Grouping", "place"));
        assertThat(CpuProfile.partOf(lookupInGrouping)).isEqualTo("grouping (developments)");

        assertThat(CpuProfile.partOf(List.<String[]>of(frame("java.lang.Thread", "run")))).isEqualTo(CpuProfile.OTHER);
    }

    @Test
    void shouldTellStateStoreReadsFromInputRecords() {
        List<String[]> storeRead = List.of(frame("com.fasterxml.jackson.databind.deser.BeanDeserializer", "deserialize"),
                frame("org.karaul.contract.kafka.JsonSerde", "lambda$deserializer$1"),
                frame("org.apache.kafka.streams.state.StateSerdes", "valueFrom"),
                frame("org.karaul.alerts.develop.DevelopmentProcessor", "process"));
        assertThat(CpuProfile.partOf(storeRead)).isEqualTo(CpuProfile.STATE_READS);
    }

    @Test
    void shouldFoldThreadNamesAndTellTheStreamsApart() {
        String classify = "karaul-loadtest-processor-0b6c1c2e-5f0e-4d7a-9a57-0123456789ab-StreamThread-1";
        assertThat(CpuProfile.threadKind(classify)).isEqualTo("karaul-loadtest-processor-*-StreamThread-N");
        assertThat(CpuProfile.threadKind("C2 CompilerThread0")).isEqualTo("CN CompilerThreadN");
        assertThat(CpuProfile.streamOf(classify)).isEqualTo("classify");
        assertThat(CpuProfile.streamOf("karaul-loadtest-alerts-0b6c1c2e-5f0e-4d7a-9a57-0123456789ab-StreamThread-1"))
                .isEqualTo("alerts");
        assertThat(CpuProfile.streamOf("kafka-producer-network-thread | x")).isEqualTo("producer I/O");
    }
}
