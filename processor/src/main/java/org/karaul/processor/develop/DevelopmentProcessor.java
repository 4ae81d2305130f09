package org.karaul.processor.develop;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.BadRecordException;

/**
 * Puts each relevant item into the best-matching open development, or opens a new one, and forwards the
 * development's new state keyed by its id. A punctuation closes developments that went quiet: no new item for
 * the quiet period, measured in event time (against the newest item seen) or in wall-clock time.
 */
final class DevelopmentProcessor implements Processor<String, ClassifiedItem, String, Development> {
    private final GroupingRules rules;
    private final Duration punctuateEvery;
    private final MeterRegistry metrics;
    private final int maxDevelopmentBytes;
    private final Serializer<Development> writer = Topics.DEVELOPMENTS.valueSerde().serializer();
    private ProcessorContext<String, Development> context;
    private KeyValueStore<String, DevelopmentState> open;
    private SpikeDetector spikes;

    DevelopmentProcessor(GroupingRules rules, Duration punctuateEvery, MeterRegistry metrics, int maxDevelopmentBytes) {
        this.rules = rules;
        this.punctuateEvery = punctuateEvery;
        this.metrics = metrics;
        this.maxDevelopmentBytes = maxDevelopmentBytes;
    }

    @Override
    public void init(ProcessorContext<String, Development> context) {
        this.context = context;
        this.open = context.getStateStore(DevelopmentTopology.OPEN_STORE);
        this.spikes = new SpikeDetector(rules, context.getStateStore(DevelopmentTopology.SPIKE_STORE));
        context.schedule(punctuateEvery, PunctuationType.WALL_CLOCK_TIME, this::closeQuiet);
    }

    @Override
    public void process(Record<String, ClassifiedItem> record) {
        ClassifiedItem c = record.value();
        if (c == null || !c.relevant() || c.severity() == null) {
            return;
        }
        int[] signature = Fingerprint.signature(Fingerprint.tokens(c.item().title() + " " + c.item().text(),
                rules.equivalents()));
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        DevelopmentState best = null;
        double bestScore = Matching.NO;
        try (KeyValueIterator<String, DevelopmentState> it = open.all()) {
            while (it.hasNext()) {
                DevelopmentState candidate = it.next().value;
                double score = Matching.score(candidate, c, signature, rules);
                if (score > bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
        }
        DevelopmentState next = best == null ? DevelopmentState.open(c, signature, rules, now)
                : best.join(c, signature, rules, now);
        requireFits(next.development());
        publish(next.development(), record.timestamp());
        open.put(next.development().id(), next);
        if (best == null) {
            spikes.opened(next.development(), c).forEach(spike -> publish(spike, record.timestamp()));
        }
    }

    /**
     * Refuses the item (before anything is stored or sent) when the development it makes would be too large for
     * the developments topic: under exactly-once such a send would abort every retry of the transaction.
     */
    private void requireFits(Development d) {
        int size = writer.serialize(Topics.DEVELOPMENTS.name(), d).length;
        if (size > maxDevelopmentBytes) {
            RecordMetadata at = context.recordMetadata().orElseThrow();
            throw new BadRecordException("development " + d.id() + " would be " + size + " bytes with this item, over "
                    + maxDevelopmentBytes + " (processor.developments.items.max.bytes)", at.topic(), at.partition(),
                    at.offset());
        }
    }

    private void closeQuiet(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        List<DevelopmentState> all = new ArrayList<>();
        Instant newest = Instant.EPOCH;
        try (KeyValueIterator<String, DevelopmentState> it = open.all()) {
            while (it.hasNext()) {
                KeyValue<String, DevelopmentState> kv = it.next();
                all.add(kv.value);
                newest = Merge.maxTime(newest, kv.value.development().lastSeen());
            }
        }
        for (DevelopmentState s : all) {
            boolean quietInEventTime = s.development().lastSeen().plus(rules.quiet()).isBefore(newest);
            boolean quietOnTheClock = s.touchedAt().plus(rules.quiet()).isBefore(now);
            if (quietInEventTime || quietOnTheClock) {
                publish(s.closed(), wallClockMs);
                open.delete(s.development().id());
            }
        }
    }

    private void publish(Development d, long timestamp) {
        metrics.counter("karaul.processor.developments", "status", d.status().id()).increment();
        context.forward(new Record<>(d.id(), d, timestamp));
    }
}
