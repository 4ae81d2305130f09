package org.karaul.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Evidence;
import org.karaul.contract.PlaceRef;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Topics;

/** The raw value written as the item's object: the same bytes as serialising the whole classified item, or the same item. */
class ClassifiedWriterTest {
    private static final Instant AT = Instant.parse("2026-12-04T10:15:30.123Z");
    private final ClassifiedWriter writer = new ClassifiedWriter();

    private static RawItem raw(Instant published, String grade, String lang) {
        return new RawItem("id-1", "https://a.example/1", "Взрыв у «поста» \"Ак-Суу\"", "Текст\nс переводом строки, tab\t и \\ и 😀",
                published, "src", "rss", grade, lang, Instant.parse("2026-12-04T10:00:00Z"), 2);
    }

    private static ClassifiedItem relevant(RawItem item) {
        return new ClassifiedItem(item, true, Severity.HIGH,
                List.of(new CategoryLabel("terrorism.attack", Severity.HIGH, 0.873, List.of(new Evidence("title", 0, 5, "Взрыв")))),
                List.of("KG", "TJ"), List.of("isis-k"), "2026.12.11", new SourceOffset("karaul.items.raw", 2, 41), AT,
                List.of(new PlaceRef("kg-ak-suu", "Ak-Suu", "KG", "town", 42.5, 78.53)));
    }

    @Test
    void aRawValueWrittenByTheWireMapperGivesTheBytesOfTheWholeItem() {
        for (RawItem item : List.of(raw(AT, "B", "ru"), raw(null, null, null), raw(Instant.parse("2026-01-01T00:00:00Z"), "A", "ky"))) {
            byte[] rawValue = Topics.ITEMS_RAW.valueSerde().serializer().serialize("t", item);
            for (ClassifiedItem c : List.of(relevant(item), new ClassifiedItem(item, false, null, List.of(), List.of(), List.of(),
                    "2026.12.11", new SourceOffset("karaul.items.raw", 0, 7), AT))) {
                byte[] whole = Topics.ITEMS_CLASSIFIED.valueSerde().serializer().serialize("t", c);
                assertThat(writer.serialize("t", new ClassifiedRecord(c, rawValue))).isEqualTo(whole);
                assertThat(writer.serialize("t", new ClassifiedRecord(c, null))).isEqualTo(whole);
            }
        }
    }

    @Test
    void anyOtherRawObjectReadsBackAsTheSameItem() {
        RawItem item = raw(Instant.parse("2026-12-04T10:00:00Z"), null, "ru");
        String rawValue = "{ \"extra\": {\"a\": [1, 2]},\n  \"id\":\"id-1\",\"url\":\"https://a.example/1\",\"title\":\"Взрыв у «поста» \\\"Ак-Суу\\\"\","
                + "\"text\":\"Текст\\nс переводом строки, tab\\t и \\\\ и \\uD83D\\uDE00\",\"published\":\"2026-12-04T10:00:00.000Z\","
                + "\"sourceId\":\"src\",\"sourceType\":\"rss\",\"sourceGrade\":null,\"lang\":\"ru\",\"fetchedAt\":\"2026-12-04T10:00:00Z\","
                + "\"version\":2 }\n";
        assertThat(Topics.ITEMS_RAW.valueSerde().deserializer().deserialize("t", rawValue.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(item);
        ClassifiedItem c = relevant(item);
        byte[] out = writer.serialize("t", new ClassifiedRecord(c, rawValue.getBytes(StandardCharsets.UTF_8)));
        assertThat(Topics.ITEMS_CLASSIFIED.valueSerde().deserializer().deserialize("t", out)).isEqualTo(c);
    }
}
