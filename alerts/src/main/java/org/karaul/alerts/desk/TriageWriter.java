package org.karaul.alerts.desk;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.karaul.contract.Triage;
import org.karaul.contract.kafka.Topics;
import org.karaul.streams.ClientProperties;

/**
 * Writes triage marks to the compacted feedback topic keyed by development id, waiting for the broker, so a mark the
 * desk answered for is kept. Every page (on this instance or another) learns of it from the topic
 * ({@link DeskFeed}). Counted as {@code karaul.alerts.triage.marks} by mark.
 */
public final class TriageWriter implements AutoCloseable {
    private static final Duration SEND_DEADLINE = Duration.ofSeconds(10);
    private final KafkaProducer<String, Triage> producer;
    private final MeterRegistry metrics;

    public TriageWriter(Properties kafka, MeterRegistry metrics) {
        this.producer = new KafkaProducer<>(ClientProperties.from(kafka).idempotent().build(), Topics.FEEDBACK.keySerde().serializer(),
                Topics.FEEDBACK.valueSerde().serializer());
        this.metrics = metrics;
    }

    /** Writes the mark and waits until the broker has it. */
    public void write(Triage t) throws ExecutionException, InterruptedException, TimeoutException {
        producer.send(new ProducerRecord<>(Topics.FEEDBACK.name(), t.developmentId(), t))
                .get(SEND_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        metrics.counter("karaul.alerts.triage.marks", "mark", t.mark().id()).increment();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
