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
import org.apache.kafka.common.serialization.Serializer;
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
    private final int maxItemBytes;
    private final Serializer<RawItem> writer = Topics.ITEMS_RAW.valueSerde().serializer();

    /**
     * @param producer     a transactional producer on which {@code initTransactions()} was already called; its value
     *                     serializer must write both {@link RawItem} and {@link SeenUrl} (see {@code IngestApp})
     * @param maxItemBytes largest raw item written; a longer text is cut to fit (see {@link #fit})
     */
    public ItemPublisher(Producer<String, Object> producer, SeenUrls seen, Clock clock, MeterRegistry metrics,
                         int maxItemBytes) {
        this.producer = producer;
        this.seen = seen;
        this.clock = clock;
        this.metrics = metrics;
        this.maxItemBytes = maxItemBytes;
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
            RawItem item = fit(new RawItem(id, c.url(), c.title(), c.text(), c.published(), source.id(), source.type(),
                    source.grade(), c.lang() != null ? c.lang() : source.lang(), now, version), source);
            if (item == null) {
                continue;
            }
            fresh.add(item);
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

    /**
     * The item, with its text cut so that it fits {@code maxItemBytes} when it would not (an item too large for the
     * raw topic would fail the whole batch's transaction on every poll, and the processor refuses it anyway); null
     * when even its title and URL are too large. The content hash stays that of the full text.
     */
    RawItem fit(RawItem item, SourceSpec source) {
        int size = size(item);
        if (size <= maxItemBytes) {
            return item;
        }
        int fixed = size(withText(item, ""));
        if (fixed >= maxItemBytes) {
            metrics.counter("karaul.ingest.items.refused", "source", source.id(), "reason", "too.large").increment();
            LOG.warn("source {}: item {} ({}) is {} bytes even without its text, over ingest.items.max.bytes {}; skipped",
                    source.id(), item.id(), item.url(), fixed, maxItemBytes);
            return null;
        }
        String text = item.text();
        RawItem cut = item;
        while (size > maxItemBytes) {
            // keep the share of characters that fits, by the text's average bytes per character; again if it varies
            long room = maxItemBytes - fixed;
            int keep = (int) Math.min(text.length() - 1, text.length() * room / (size - fixed));
            if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
                keep--;
            }
            text = text.substring(0, Math.max(0, keep));
            cut = withText(item, text);
            size = size(cut);
        }
        metrics.counter("karaul.ingest.items.cut", "source", source.id()).increment();
        LOG.info("source {}: item {} ({}) is over ingest.items.max.bytes {}; its text is cut to {} of {} characters",
                source.id(), item.id(), item.url(), maxItemBytes, text.length(), item.text().length());
        return cut;
    }

    private int size(RawItem item) {
        return writer.serialize(Topics.ITEMS_RAW.name(), item).length;
    }

    private static RawItem withText(RawItem item, String text) {
        return new RawItem(item.id(), item.url(), item.title(), text, item.published(), item.sourceId(), item.sourceType(),
                item.sourceGrade(), item.lang(), item.fetchedAt(), item.version());
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
