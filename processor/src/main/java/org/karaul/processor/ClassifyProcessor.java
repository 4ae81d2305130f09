package org.karaul.processor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
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
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.BadRecordException;
import org.karaul.deadletter.DeadLetters;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one raw record and classifies it. A record that cannot be read or classified is passed on as a dead
 * letter ({@link DeadLetters}: reason, exception, topic, partition and offset in headers; a value too large cut to
 * an excerpt with its hash and size), and the stream goes on.
 *
 * <p>What is refused, before any classifying: a missing value, a value (with its headers) over {@code maxItemBytes}
 * (its classified form would not fit the output topic), anything that is not a {@link RawItem} (not JSON, the literal
 * {@code null}, the wrong shape or types), an item with neither title nor text, and a key that is not the item's
 * id. A record without a key is re-keyed with the item's id: the id inside the value is what the raw topic's key
 * stands for, so nothing is lost by taking it from there.
 */
final class ClassifyProcessor implements Processor<byte[], byte[], byte[], Outcome> {
    private static final Logger LOG = LoggerFactory.getLogger(ClassifyProcessor.class);

    private final Classifier classifier;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final DeadLetters deadLetters;
    private final int maxItemBytes;
    private final Counter relevant;
    private final Counter notRelevant;
    /** The label counters by category and severity, looked up in the registry once each. */
    private final Map<String, Counter> labels = new HashMap<>();
    /** The wire mapper's reader of raw items, which the raw topic's serde uses too. */
    private static final ObjectReader RAW_ITEMS = Json.mapper().readerFor(RawItem.class);
    private final Deserializer<RawItem> reader = Topics.ITEMS_RAW.valueSerde().deserializer();
    private ProcessorContext<byte[], Outcome> context;

    ClassifyProcessor(Classifier classifier, Clock clock, MeterRegistry metrics, DeadLetters deadLetters, int maxItemBytes) {
        this.classifier = classifier;
        this.clock = clock;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.maxItemBytes = maxItemBytes;
        this.relevant = metrics.counter("karaul.processor.items", "outcome", "relevant");
        this.notRelevant = metrics.counter("karaul.processor.items", "outcome", "not.relevant");
    }

    @Override
    public void init(ProcessorContext<byte[], Outcome> context) {
        this.context = context;
        // the first call on the classifier: one still compiling (PendingClassifier) is waited for here, before any
        // record, so a failed compile stops the thread instead of dead-lettering a record for it
        String version = classifier.taxonomyVersion();
        LOG.debug("task {} classifies with taxonomy {}", context.taskId(), version);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        SourceOffset origin = origin();
        Read read;
        try {
            read = read(record, origin);
        } catch (RuntimeException e) {
            deadLetter(record, origin, e);
            return;
        }
        RawItem item = read.item();
        byte[] key = record.key();
        if (key == null) {
            key = item.id().getBytes(StandardCharsets.UTF_8);
            metrics.counter("karaul.processor.items.rekeyed").increment();
            LOG.info("record at {} has no key; keyed by its item id {}", origin, item.id());
        }
        try {
            ClassifiedItem out = Classification.label(classifier, item, origin, clock.instant());
            count(out);
            context.forward(record.withKey(key).withValue(read.whole()
                    ? Outcome.classified(out, record.value()) : Outcome.classified(out)));
        } catch (RuntimeException e) {
            deadLetter(record, origin, new BadRecordException("classifier failed on item " + item.id() + ": " + e,
                    origin.topic(), origin.partition(), origin.offset(), e));
        }
    }

    /**
     * A raw item read from a record's value.
     *
     * @param whole whether the value is one JSON object in UTF-8 and nothing else but white space, so it can be written
     *              as the classified item's item as it is ({@link ClassifiedWriter})
     */
    private record Read(RawItem item, boolean whole) {
    }

    /** The item, or a {@link BadRecordException} saying why this record is not one the stage accepts. */
    private Read read(Record<byte[], byte[]> record, SourceOffset at) {
        byte[] value = record.value();
        if (value == null) {
            throw bad("record has no value", at, null);
        }
        int size = value.length + headerBytes(record.headers());
        if (size > maxItemBytes) {
            // the headers count too: they travel on with the classified item
            throw bad("value and headers of " + size + " bytes are over the limit of " + maxItemBytes
                    + " (processor.items.max.bytes)", at, null);
        }
        RawItem item = wholeObject(value);
        boolean whole = item != null;
        if (!whole) {
            // anything else, good or bad, is read as it always was, with the serde's own errors
            try {
                item = reader.deserialize(at.topic(), value);
            } catch (RuntimeException e) {
                throw bad(e.getMessage(), at, e);
            }
        }
        if (item.title().isBlank() && item.text().isBlank()) {
            throw bad("item " + item.id() + " has neither title nor text", at, null);
        }
        if (record.key() != null && !Arrays.equals(record.key(), item.id().getBytes(StandardCharsets.UTF_8))) {
            throw bad("key '" + printable(record.key()) + "' is not the item id " + item.id(), at, null);
        }
        return new Read(item, whole);
    }

    /**
     * The item, when {@code value} is one JSON object in UTF-8 (it opens with a brace and no zero byte, so Jackson does
     * not read it as UTF-16 or UTF-32) followed by nothing but white space; else null, and the caller reads it the usual
     * way.
     */
    private static RawItem wholeObject(byte[] value) {
        if (value.length < 2 || value[0] != '{' || value[1] == 0) {
            return null;
        }
        try (JsonParser parser = RAW_ITEMS.createParser(value)) {
            RawItem item = RAW_ITEMS.readValue(parser);
            return item != null && parser.nextToken() == null ? item : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static BadRecordException bad(String reason, SourceOffset at, Throwable cause) {
        return new BadRecordException(reason, at.topic(), at.partition(), at.offset(), cause);
    }

    private SourceOffset origin() {
        return context.recordMetadata()
                .map((RecordMetadata m) -> new SourceOffset(m.topic(), m.partition(), m.offset()))
                .orElse(new SourceOffset(Topics.ITEMS_RAW.name(), -1, -1));
    }

    private void deadLetter(Record<byte[], byte[]> record, SourceOffset origin, Exception e) {
        LOG.warn("dead-lettering record at {}: {}", origin, e.getMessage());
        metrics.counter("karaul.processor.items", "outcome", "dead.letter").increment();
        DeadLetters.Letter letter = deadLetters.letter(origin.topic(), origin.partition(), origin.offset(), record.key(),
                record.value(), record.headers(), e);
        context.forward(new Record<>(letter.key(), Outcome.deadLetter(letter.value()), record.timestamp(), letter.headers()));
    }

    private void count(ClassifiedItem out) {
        (out.relevant() ? relevant : notRelevant).increment();
        for (CategoryLabel l : out.categories()) {
            labels.computeIfAbsent(l.id() + ' ' + l.severity().id(), k -> metrics.counter("karaul.processor.labels",
                    "category", l.id(), "severity", l.severity().id())).increment();
        }
    }

    private static int headerBytes(Headers headers) {
        int n = 0;
        for (Header h : headers) {
            n += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        return n;
    }

    /** A key for a log line or reason: at most 64 characters of it. */
    private static String printable(byte[] key) {
        String s = new String(key, 0, Math.min(key.length, 256), StandardCharsets.UTF_8);
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
