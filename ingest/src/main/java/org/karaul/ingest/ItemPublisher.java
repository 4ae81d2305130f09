package org.karaul.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.SeenUrl;
import org.karaul.contract.kafka.Topics;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.SourceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a source's candidates into raw items and publishes the new or changed ones. Each batch goes out in
 * one Kafka transaction together with the matching {@code karaul.ingest.seen} records, so the raw topic and
 * the crawler's memory never disagree: an item is emitted once per version, across restarts.
 */
public final class ItemPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ItemPublisher.class);

    private final Producer<String, Object> producer;
    private final SeenUrls seen;
    private final Clock clock;
    private final MeterRegistry metrics;

    /**
     * @param producer a transactional producer on which {@code initTransactions()} was already called; its value
     *                 serializer must write both {@link RawItem} and {@link SeenUrl} (see {@code IngestApp})
     */
    public ItemPublisher(Producer<String, Object> producer, SeenUrls seen, Clock clock, MeterRegistry metrics) {
        this.producer = producer;
        this.seen = seen;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Publishes what is new or changed in {@code candidates}; returns the items published. */
    public synchronized List<RawItem> publish(SourceSpec source, List<Candidate> candidates) {
        Instant now = clock.instant();
        List<RawItem> fresh = new ArrayList<>();
        List<SeenUrl> marks = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        for (Candidate c : candidates) {
            String id = ItemIds.forUrl(c.url());
            if (!inBatch.add(id)) {
                continue; // the source listed the URL twice in one poll (e.g. overlapping pages): first copy wins
            }
            String hash = ItemIds.sha256Hex(c.title() + "\n" + c.text());
            Optional<SeenUrl> before = seen.find(id);
            if (before.isPresent() && before.get().contentHash().equals(hash)) {
                continue;
            }
            int version = before.map(s -> s.version() + 1).orElse(1);
            fresh.add(new RawItem(id, c.url(), c.title(), c.text(), c.published(), source.id(), source.type(),
                    source.grade(), c.lang() != null ? c.lang() : source.lang(), now, version));
            marks.add(new SeenUrl(c.url(), hash, version, now));
        }
        if (fresh.isEmpty()) {
            return fresh;
        }
        try {
            producer.beginTransaction();
            for (int i = 0; i < fresh.size(); i++) {
                RawItem item = fresh.get(i);
                producer.send(new ProducerRecord<>(Topics.ITEMS_RAW.name(), item.id(), item));
                producer.send(new ProducerRecord<>(Topics.INGEST_SEEN.name(), item.id(), marks.get(i)));
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            abortQuietly();
            throw new IllegalStateException("publishing " + fresh.size() + " items of source " + source.id()
                    + " to " + Topics.ITEMS_RAW.name() + " failed", e);
        }
        for (int i = 0; i < fresh.size(); i++) {
            seen.remember(fresh.get(i).id(), marks.get(i));
        }
        metrics.counter("karaul.ingest.items.published", "source", source.id()).increment(fresh.size());
        LOG.info("source {}: published {} new or changed items", source.id(), fresh.size());
        return fresh;
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (KafkaException ignored) {
            // the producer is fenced or broken; the caller's failure already says why
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
