package org.karaul.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.karaul.contract.RawItem;
import org.karaul.contract.SeenUrl;
import org.karaul.contract.kafka.Topics;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.SourceSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemPublisherTest {
    private static final int MAX_ITEM_BYTES = 4096;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final SourceSpec SOURCE = new SourceSpec("tg", "telegram", "https://t.me/s/x", Duration.ofMinutes(5),
            "ru", "D", List.of());

    private final MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(),
            (topic, value) -> new byte[0]);
    private ItemPublisher publisher;

    @BeforeEach
    void setUp() {
        publisher = ItemPublisher.open(() -> producer, SeenUrls::new, CLOCK, new SimpleMeterRegistry(), MAX_ITEM_BYTES,
                ItemPublisher.Limits.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        publisher.close();
    }

    private static Candidate post(String url, String text) {
        return new Candidate(url, "", text, null, null);
    }

    @Test
    void shouldEmitAUrlListedTwiceInOnePollOnceAlongWithItsSeenMark() {
        List<RawItem> out = publisher.publish(SOURCE, List.of(post("https://t.me/x/1", "a"), post("https://t.me/x/2", "b"),
                post("https://t.me/x/1", "a")));

        assertThat(out).extracting(RawItem::url).containsExactly("https://t.me/x/1", "https://t.me/x/2");
        List<ProducerRecord<String, Object>> sent = producer.history();
        assertThat(sent).filteredOn(r -> r.topic().equals(Topics.ITEMS_RAW.name())).hasSize(2);
        assertThat(sent).filteredOn(r -> r.topic().equals(Topics.INGEST_SEEN.name()))
                .allSatisfy(r -> assertThat(r.value()).isInstanceOf(SeenUrl.class)).hasSize(2);
        assertThat(producer.transactionCommitted()).isTrue();
    }

    @Test
    void shouldSkipUnchangedAndVersionChangedContent() {
        publisher.publish(SOURCE, List.of(post("https://t.me/x/1", "a")));
        assertThat(publisher.publish(SOURCE, List.of(post("https://t.me/x/1", "a")))).isEmpty();
        List<RawItem> changed = publisher.publish(SOURCE, List.of(post("https://t.me/x/1", "a, edited")));
        assertThat(changed).singleElement().satisfies(i -> {
            assertThat(i.version()).isEqualTo(2);
            assertThat(i.sourceGrade()).isEqualTo("D");
            assertThat(i.lang()).isEqualTo("ru");
        });
    }

    @Test
    void shouldCutTheTextOfAnItemTooLargeForTheRawTopicAndPublishTheRestOfTheBatch() {
        List<RawItem> out = publisher.publish(SOURCE, List.of(post("https://t.me/x/1", "a"),
                post("https://t.me/x/huge", "слово ".repeat(5000)), post("https://t.me/x/2", "b")));

        assertThat(out).extracting(RawItem::url).containsExactly("https://t.me/x/1", "https://t.me/x/huge",
                "https://t.me/x/2");
        assertThat(Topics.ITEMS_RAW.valueSerde().serializer().serialize("t", out.get(1)).length)
                .isLessThanOrEqualTo(MAX_ITEM_BYTES);
        assertThat(out.get(1).text()).startsWith("слово слово").hasSizeLessThan(5000 * 6);
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(publisher.publish(SOURCE, List.of(post("https://t.me/x/huge", "слово ".repeat(5000)))))
                .as("the seen mark holds the hash of the whole text").isEmpty();
    }

    @Test
    void shouldSkipAnItemTooLargeEvenWithoutItsText() {
        Candidate hugeTitle = new Candidate("https://t.me/x/3", "T".repeat(10_000), "text", null, null);
        List<RawItem> out = publisher.publish(SOURCE, List.of(hugeTitle, post("https://t.me/x/4", "b")));
        assertThat(out).extracting(RawItem::url).containsExactly("https://t.me/x/4");
    }
}
