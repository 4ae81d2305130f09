package org.karaul.processor;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.RawItem;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.DeadLetterHeaders;
import org.karaul.contract.kafka.Topics;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifier;
import org.karaul.processor.classify.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one raw record and classifies it. A record that cannot be read or classified is passed on as a dead
 * letter with its reason, topic, partition and offset in headers, and the stream goes on.
 */
final class ClassifyProcessor implements Processor<byte[], byte[], byte[], Outcome> {
    private static final Logger LOG = LoggerFactory.getLogger(ClassifyProcessor.class);

    private final Classifier classifier;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Deserializer<RawItem> reader = Topics.ITEMS_RAW.valueSerde().deserializer();
    private ProcessorContext<byte[], Outcome> context;

    ClassifyProcessor(Classifier classifier, Clock clock, MeterRegistry metrics) {
        this.classifier = classifier;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], Outcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        SourceOffset origin = origin();
        RawItem item;
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("record has no value");
            }
            item = reader.deserialize(origin.topic(), record.value());
        } catch (RuntimeException e) {
            deadLetter(record, origin, e);
            return;
        }
        try {
            Classification c = classifier.classify(new Document(item.id(), item.title(), item.text(), item.lang()));
            ClassifiedItem out = new ClassifiedItem(item, c.relevant(), c.severity(), c.categories(), c.countries(),
                    c.groups(), c.taxonomyVersion(), origin, clock.instant());
            count(out);
            context.forward(record.withValue(Outcome.classified(out)));
        } catch (RuntimeException e) {
            deadLetter(record, origin, new IllegalStateException("classifier failed on item " + item.id() + ": " + e, e));
        }
    }

    private SourceOffset origin() {
        return context.recordMetadata()
                .map((RecordMetadata m) -> new SourceOffset(m.topic(), m.partition(), m.offset()))
                .orElse(new SourceOffset(Topics.ITEMS_RAW.name(), -1, -1));
    }

    private void deadLetter(Record<byte[], byte[]> record, SourceOffset origin, Exception e) {
        String reason = oneLine(e.getMessage());
        LOG.warn("dead-lettering record at {}: {}", origin, reason);
        metrics.counter("karaul.processor.items", "outcome", "dead.letter").increment();
        Headers headers = record.headers();
        put(headers, DeadLetterHeaders.ERROR, reason);
        put(headers, DeadLetterHeaders.EXCEPTION, e.getClass().getName());
        put(headers, DeadLetterHeaders.TOPIC, origin.topic());
        put(headers, DeadLetterHeaders.PARTITION, Integer.toString(origin.partition()));
        put(headers, DeadLetterHeaders.OFFSET, Long.toString(origin.offset()));
        put(headers, DeadLetterHeaders.SERVICE, "processor");
        context.forward(record.withValue(Outcome.deadLetter(record.value())).withHeaders(headers));
    }

    private void count(ClassifiedItem out) {
        metrics.counter("karaul.processor.items", "outcome", out.relevant() ? "relevant" : "not.relevant").increment();
        for (CategoryLabel l : out.categories()) {
            metrics.counter("karaul.processor.labels", "category", l.id(), "severity", l.severity().id()).increment();
        }
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "no detail";
        }
        String line = s.lines().findFirst().orElse("");
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }
}
