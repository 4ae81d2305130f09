package org.karaul.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.karaul.contract.RawItem;
import org.karaul.contract.kafka.Topics;
import org.karaul.ingest.health.SourceHealthBoard;
import org.karaul.ingest.health.SourceState;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.Source;
import org.karaul.ingest.source.SourceException;
import org.karaul.ingest.source.SourceSpec;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The poll loop with a scripted source and a mock producer: versions, adaptive delays, health. */
class PollerTest {
    private static final SourceSpec SPEC = new SourceSpec("scripted", "html", "https://example.kz/news",
            Duration.ofMinutes(10), "ru", "B", List.of("KZ"), Duration.ofMinutes(2), null, 0);

    /** Answers each poll with the next scripted result; once the script is over, every poll fails. */
    private static final class ScriptedSource implements Source {
        private final Deque<List<Candidate>> script = new ArrayDeque<>();

        ScriptedSource then(Candidate... found) {
            script.add(List.of(found));
            return this;
        }

        @Override
        public SourceSpec spec() {
            return SPEC;
        }

        @Override
        public List<Candidate> poll() throws SourceException {
            List<Candidate> next = script.poll();
            if (next == null) {
                throw new SourceException(SPEC.id(), SPEC.url(), "HTTP 503", null);
            }
            return next;
        }
    }

    private static Candidate article(String path, String text) {
        return new Candidate("https://example.kz" + path, "Title " + path, text, null, "ru");
    }

    @Test
    void shouldVersionChangedArticlesAdaptTheIntervalAndTrackHealth() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(),
                (topic, value) -> new byte[0]);
        ItemPublisher publisher = ItemPublisher.open(() -> producer, SeenUrls::new, Clock.systemUTC(), metrics, 512 * 1024,
                ItemPublisher.Limits.DEFAULT);
        SourceHealthBoard health = new SourceHealthBoard(List.of(SPEC.id()), 2, 2, Clock.systemUTC(), metrics);
        ScriptedSource source = new ScriptedSource()
                .then(article("/a", "first text"), article("/b", "other"))
                .then(article("/a", "first text, corrected"), article("/b", "other"))
                .then(article("/a", "first text, corrected"));
        try (Poller poller = new Poller(List.of(source), publisher, metrics, 1, health)) {
            assertThat(poller.pollOnce(source)).isEqualTo(Duration.ofMinutes(5));
            assertThat(poller.pollOnce(source)).isEqualTo(Duration.ofSeconds(150));
            assertThat(poller.pollOnce(source)).isEqualTo(Duration.ofSeconds(225));
            assertThat(health.find(SPEC.id()).state()).isEqualTo(SourceState.OK);

            assertThat(poller.pollOnce(source)).isEqualTo(Duration.ofSeconds(450));
            poller.pollOnce(source);
            assertThat(health.find(SPEC.id()).state()).isEqualTo(SourceState.BROKEN);
        }

        List<RawItem> items = producer.history().stream()
                .filter(r -> r.topic().equals(Topics.ITEMS_RAW.name()))
                .map(ProducerRecord::value).map(RawItem.class::cast).toList();
        assertThat(items).extracting(RawItem::url, RawItem::version).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://example.kz/a", 1),
                org.assertj.core.groups.Tuple.tuple("https://example.kz/b", 1),
                org.assertj.core.groups.Tuple.tuple("https://example.kz/a", 2));
        assertThat(metrics.get("karaul.ingest.polls").tag("outcome", "fetch.error").timer().count()).isEqualTo(2);
    }
}
