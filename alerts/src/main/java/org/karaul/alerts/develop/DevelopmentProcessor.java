package org.karaul.alerts.develop;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.BadRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each relevant item into the best-matching open development, or opens a new one ({@link Grouping}, the
 * same step the backtest drives offline), and forwards the development's new state keyed by its id. A punctuation
 * closes developments that went quiet: no new item for the quiet period, measured in event time (against the newest
 * item seen) or in wall-clock time.
 */
final class DevelopmentProcessor implements Processor<String, ClassifiedItem, String, Development> {
    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentProcessor.class);
    private final GroupingRules rules;
    private final Duration punctuateEvery;
    private final MeterRegistry metrics;
    private final int maxDevelopmentBytes;
    private final Serializer<Development> writer = Topics.DEVELOPMENTS.valueSerde().serializer();
    private ProcessorContext<String, Development> context;
    private Grouping grouping;

    DevelopmentProcessor(GroupingRules rules, Duration punctuateEvery, MeterRegistry metrics, int maxDevelopmentBytes) {
        this.rules = rules;
        this.punctuateEvery = punctuateEvery;
        this.metrics = metrics;
        this.maxDevelopmentBytes = maxDevelopmentBytes;
    }

    @Override
    public void init(ProcessorContext<String, Development> context) {
        this.context = context;
        KeyValueStore<String, DevelopmentState> open = context.getStateStore(DevelopmentTopology.OPEN_STORE);
        KeyValueStore<String, SpikeState> spikes = context.getStateStore(DevelopmentTopology.SPIKE_STORE);
        long t0 = System.nanoTime();
        this.grouping = new Grouping(rules, Grouping.Store.of(open), Grouping.Store.of(spikes));
        LOG.info("grouping task {} read {} open developments from its store in {} ms", context.taskId(),
                open.approximateNumEntries(), (System.nanoTime() - t0) / 1_000_000);
        context.schedule(punctuateEvery, PunctuationType.WALL_CLOCK_TIME, this::closeQuiet);
    }

    @Override
    public void process(Record<String, ClassifiedItem> record) {
        Grouping.Placement placed = grouping.place(record.value(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
        if (placed == null) {
            return;
        }
        requireFits(placed.development());
        grouping.keep(placed).forEach(d -> publish(d, record.timestamp()));
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
                    + maxDevelopmentBytes + " (alerts.developments.max.bytes)", at.topic(), at.partition(),
                    at.offset());
        }
    }

    private void closeQuiet(long wallClockMs) {
        grouping.closeQuiet(Instant.ofEpochMilli(wallClockMs)).forEach(d -> publish(d, wallClockMs));
    }

    private void publish(Development d, long timestamp) {
        metrics.counter("karaul.alerts.developments", "status", d.status().id()).increment();
        context.forward(new Record<>(d.id(), d, timestamp));
    }
}
