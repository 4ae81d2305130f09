package org.karaul.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.karaul.streams.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters for a plain consumer loop (not Kafka Streams): {@link #send} writes the dead letter and waits for
 * the broker, so the loop may then commit past the record. Thread-safe; one can serve several loops.
 */
public final class DeadLetterProducer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProducer.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final Producer<byte[], byte[]> producer;
    private final DeadLetters deadLetters;
    private final MeterRegistry metrics;

    public DeadLetterProducer(Producer<byte[], byte[]> producer, DeadLetters deadLetters, MeterRegistry metrics) {
        this.producer = producer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** An idempotent producer ({@code acks=all}) on the given client settings. */
    public static DeadLetterProducer create(Properties kafka, DeadLetters deadLetters, MeterRegistry metrics) {
        return new DeadLetterProducer(new KafkaProducer<>(ClientProperties.from(kafka).idempotent().build(), new ByteArraySerializer(), new ByteArraySerializer()),
                deadLetters, metrics);
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /**
     * Dead-letters a record and waits until the broker has it.
     *
     * @param stage the loop that gives up on it, for {@code karaul.dlq.service} (e.g. {@code webhook-SUBSCRIPTION})
     * @throws IllegalStateException naming the record's topic, partition and offset when the broker does not
     *                               take the dead letter in time (the loop must then not commit past the record)
     */
    public void send(String stage, ConsumerRecord<byte[], byte[]> r, Exception error) throws InterruptedException {
        LOG.warn("{}: dead-lettering the record at {}-{}@{} to {}: {}", stage, r.topic(), r.partition(), r.offset(),
                deadLetters.topic(), DeadLetters.reason(error));
        DeadLetters forStage = new DeadLetters(deadLetters.topic(), stage, deadLetters.maxValueBytes());
        try {
            producer.send(forStage.record(r.topic(), r.partition(), r.offset(), r.key(), r.value(), r.headers(), error))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot dead-letter the record at " + r.topic() + "-" + r.partition() + "@"
                    + r.offset() + " to " + deadLetters.topic() + ": " + e, e);
        }
        if (metrics != null) {
            metrics.counter("karaul.dead.letters", "service", deadLetters.service(), "stage", "consumer").increment();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
