package org.karaul.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.SeenUrl;
import org.karaul.contract.kafka.Topics;
import org.karaul.ingest.health.SourceHealthBoard;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.Source;
import org.karaul.ingest.source.SourceSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the publisher does when a transaction fails: the batch and its marks wait together, the crawler's memory does
 * not advance, a new producer replaces the failed one, and a retried batch goes out once.
 */
class PublishFailureTest {
    private static final SourceSpec SOURCE = new SourceSpec("tg", "telegram", "https://t.me/s/x", Duration.ofMinutes(5),
            "ru", "D", List.of());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final ItemPublisher.Limits FAST = new ItemPublisher.Limits(Duration.ofMillis(200), 1 << 20);

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<MockProducer<String, Object>> made = new CopyOnWriteArrayList<>();
    private final AtomicInteger memoryReads = new AtomicInteger();
    private ItemPublisher publisher;

    @AfterEach
    void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    /** Producers whose first one is spoiled by {@code firstFails}; the later ones work. */
    private ItemPublisher publisher(Consumer<MockProducer<String, Object>> firstFails, List<SeenUrls> memories,
                                    ItemPublisher.Limits limits) {
        Deque<SeenUrls> reads = new ArrayDeque<>(memories);
        publisher = ItemPublisher.open(() -> {
            MockProducer<String, Object> p = new MockProducer<>(true, null, new StringSerializer(), (t, v) -> new byte[0]);
            if (made.isEmpty()) {
                firstFails.accept(p);
            }
            made.add(p);
            return p;
        }, () -> {
            memoryReads.incrementAndGet();
            return reads.size() > 1 ? reads.poll() : reads.peek();
        }, CLOCK, metrics, 4096, limits);
        return publisher;
    }

    private static List<Candidate> posts() {
        return List.of(new Candidate("https://t.me/x/1", "", "a", null, null),
                new Candidate("https://t.me/x/2", "", "b", null, null));
    }

    @Test
    void shouldKeepTheBatchWhenTheCommitTimesOutAndPublishItOnceOnANewProducer() {
        publisher(p -> p.commitTransactionException = new TimeoutException("broker away"), List.of(new SeenUrls()), FAST);

        assertThat(publisher.publish(SOURCE, posts())).hasSize(2);
        assertThat(publisher.state().failing()).isTrue();
        assertThat(publisher.state().items()).isEqualTo(2);
        assertThat(made.get(0).closed()).as("the failed producer is closed").isTrue();
        assertThat(made.get(0).history()).isEmpty();
        assertThat(publisher.publish(SOURCE, posts())).as("the waiting marks count: no second copy").isEmpty();

        await(() -> publisher.state().items() == 0);

        assertThat(made).hasSize(2);
        assertThat(rawItems(made.get(1))).extracting(RawItem::url, RawItem::version).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://t.me/x/1", 1), org.assertj.core.groups.Tuple.tuple("https://t.me/x/2", 1));
        assertThat(made.get(1).history()).filteredOn(r -> r.topic().equals(Topics.INGEST_SEEN.name())).hasSize(2);
        assertThat(memoryReads.get()).as("the seen topic is read again after a commit of unknown outcome").isEqualTo(2);
        assertThat(publisher.state().failing()).isFalse();
        assertThat(publisher.publish(SOURCE, posts())).isEmpty();
        assertThat(metrics.get("karaul.ingest.publish.failures").tag("error", "TimeoutException").counter().count())
                .isEqualTo(1);
        assertThat(metrics.get("karaul.ingest.items.published").counter().count()).isEqualTo(2);
    }

    @Test
    void shouldReplaceAFencedProducerWithoutReadingTheSeenTopicAgain() {
        publisher(p -> p.beginTransactionException = new KafkaException("fenced"), List.of(new SeenUrls()), FAST);

        publisher.publish(SOURCE, posts());
        await(() -> publisher.state().items() == 0);

        assertThat(made).hasSize(2);
        assertThat(rawItems(made.get(1))).hasSize(2);
        assertThat(memoryReads.get()).as("a failure before the commit leaves no doubt").isEqualTo(1);
        assertThat(metrics.get("karaul.ingest.publish.producers.created").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldNotSendAgainWhatACommitOfUnknownOutcomeLanded() {
        SeenUrls landed = new SeenUrls();
        for (Candidate c : posts()) {
            landed.remember(ItemIds.forUrl(c.url()), new SeenUrl(c.url(), ItemIds.sha256Hex(c.title() + "\n" + c.text()), 1,
                    CLOCK.instant()));
        }
        publisher(p -> p.commitTransactionException = new KafkaException("connection lost during commit"),
                List.of(new SeenUrls(), landed), FAST);

        publisher.publish(SOURCE, posts());
        await(() -> publisher.state().items() == 0);

        assertThat(made).hasSize(2);
        assertThat(made.get(1).history()).as("nothing sent twice").isEmpty();
        assertThat(metrics.get("karaul.ingest.items.published").counter().count()).isEqualTo(2);
        assertThat(publisher.publish(SOURCE, posts())).isEmpty();
    }

    @Test
    void shouldStopCrawlingWhileTheWaitingItemsExceedTheBound() throws Exception {
        publisher(p -> p.commitTransactionException = new TimeoutException("broker away"), List.of(new SeenUrls()),
                new ItemPublisher.Limits(Duration.ofHours(1), 100));
        AtomicInteger polls = new AtomicInteger();
        Source source = new Source() {
            @Override
            public SourceSpec spec() {
                return SOURCE;
            }

            @Override
            public List<Candidate> poll() {
                polls.incrementAndGet();
                return posts();
            }
        };
        SourceHealthBoard health = new SourceHealthBoard(List.of(SOURCE.id()), 3, 3, CLOCK, metrics);
        try (Poller poller = new Poller(List.of(source), publisher, metrics, 1, health)) {
            poller.pollOnce(source);
            assertThat(publisher.accepting()).isFalse();
            assertThat(metrics.get("karaul.ingest.crawl.paused").gauge().value()).isEqualTo(1);
            assertThat(metrics.get("karaul.ingest.polls").tag("outcome", "publish.pending").timer().count()).isEqualTo(1);

            assertThat(poller.pollOnce(source)).isEqualTo(Poller.PAUSED_CHECK);
            assertThat(polls.get()).as("the source is not crawled while the queue is full").isEqualTo(1);
            assertThat(publisher.state().describe()).contains("2 items").contains("crawling paused")
                    .contains("TimeoutException: broker away");
        }
    }

    private static List<RawItem> rawItems(MockProducer<String, Object> p) {
        return p.history().stream().filter(r -> r.topic().equals(Topics.ITEMS_RAW.name())).map(ProducerRecord::value)
                .map(RawItem.class::cast).toList();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
    }
}
