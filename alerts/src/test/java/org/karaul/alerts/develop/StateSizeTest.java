package org.karaul.alerts.develop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.kafka.JsonSerde;
import org.karaul.streams.StateSerde;

/**
 * The open developments' store values in their binary form ({@link StateSerde}) against plain JSON, on the states a
 * generated stream of 4,000 items leaves: each reads back to the same state, and together they take less room, which
 * is what a restart reads back from the changelog. The figure is printed for {@code alerts/ALERTS.md}.
 */
class StateSizeTest {
    private static final String TOPIC = "karaul-alerts-developments-open-by-family-changelog";

    @Test
    void shouldKeepEachDevelopmentInLessRoomThanJsonAndReadItBackTheSame() {
        Map<String, DevelopmentState> latest = new LinkedHashMap<>();
        Grouping grouping = Grouping.inMemory(GroupingRules.load(null));
        List<ClassifiedItem> items = GroupingIndexTest.generated(new Random(13), 1_500, 4_000);
        for (ClassifiedItem c : items) {
            Instant now = DevelopmentState.eventTime(c);
            Grouping.Placement p = grouping.place(c, now);
            if (p != null) {
                grouping.keep(p);
                latest.put(p.development().id(), p.next());
            }
        }
        Serde<DevelopmentState> json = new JsonSerde<>(DevelopmentState.class);
        Serde<DevelopmentState> binary = StateSerde.of(DevelopmentState.class);
        long jsonBytes = 0;
        long binaryBytes = 0;
        for (DevelopmentState s : latest.values()) {
            byte[] asJson = json.serializer().serialize(TOPIC, s);
            byte[] asBinary = binary.serializer().serialize(TOPIC, s);
            jsonBytes += asJson.length;
            binaryBytes += asBinary.length;
            DevelopmentState back = binary.deserializer().deserialize(TOPIC, asBinary);
            assertThat(json.serializer().serialize(TOPIC, back)).as("development %s read back", s.development().id())
                    .isEqualTo(asJson);
        }
        double ratio = (double) binaryBytes / jsonBytes;
        System.out.printf(Locale.ROOT, "development states: %d, JSON %d bytes (%d a state), binary %d bytes (%d a state),"
                        + " binary / JSON %.2f%n", latest.size(), jsonBytes, jsonBytes / latest.size(), binaryBytes,
                binaryBytes / latest.size(), ratio);
        assertThat(latest).as("developments made").hasSizeGreaterThan(100);
        assertThat(ratio).as("binary bytes over JSON bytes").isLessThan(0.8);
    }
}
