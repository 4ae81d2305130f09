package org.karaul.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error policy of every Karaul Streams application: a record that cannot be deserialized, that a processor
 * throws on, or whose output cannot be serialized is dead-lettered ({@link DeadLetters}) and the stream resumes;
 * never log-and-fail on data. Install it with {@link #install}, which sets
 * {@code deserialization.exception.handler}, {@code processing.exception.handler} and
 * {@code production.exception.handler} to this class. The dead letters go out in the task's own transaction.
 *
 * <p>What is dead-lettered is the record as the failing sub-topology read it ({@code sourceRawKey/Value}); after a
 * repartition that is the repartition topic's record, and the headers say so.
 *
 * <p>A send the producer or broker refuses for its content ({@code RecordTooLargeException} and the like) is
 * answered the same way, but under exactly-once the producer has already made the transaction abortable: it is
 * aborted and the input processed again, so the stage would stall on that record. Stages therefore refuse input
 * whose output could be too large before producing anything from it (a size limit on what they read, see
 * {@link SizeLimit}); this branch is only the last line. Other send errors (the broker away, fencing) fail as
 * before: they are not the record's fault.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler,
        ProductionExceptionHandler {
    /** Streams property: the stage's dead-letter topic. */
    public static final String TOPIC_CONFIG = "karaul.dead.letter.topic";
    /** Streams property: the stage's name in {@code karaul.dlq.service}. */
    public static final String SERVICE_CONFIG = "karaul.dead.letter.service";
    /** Streams property: largest value kept whole. */
    public static final String MAX_BYTES_CONFIG = "karaul.dead.letter.max.bytes";
    /** Streams property (an object, not text): the {@link MeterRegistry} to count dead letters in; optional. */
    public static final String METRICS_CONFIG = "karaul.dead.letter.metrics";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private DeadLetters deadLetters;
    private MeterRegistry metrics;

    /** Sets the three handlers and their settings on a Streams configuration. */
    public static Properties install(Properties streams, DeadLetters deadLetters, MeterRegistry metrics) {
        streams.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        streams.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        streams.put(TOPIC_CONFIG, deadLetters.topic());
        streams.put(SERVICE_CONFIG, deadLetters.service());
        streams.put(MAX_BYTES_CONFIG, Integer.toString(deadLetters.maxValueBytes()));
        if (metrics != null) {
            streams.put(METRICS_CONFIG, metrics);
        }
        return streams;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(TOPIC_CONFIG);
        if (topic == null) {
            throw new IllegalStateException(TOPIC_CONFIG + " is not set; install the handler with DeadLetterHandler.install");
        }
        Object service = configs.get(SERVICE_CONFIG);
        Object max = configs.get(MAX_BYTES_CONFIG);
        this.deadLetters = new DeadLetters(topic.toString(), service == null ? "unknown" : service.toString(),
                max == null ? 512 * 1024 : Integer.parseInt(max.toString()));
        Object registry = configs.get(METRICS_CONFIG);
        this.metrics = registry instanceof MeterRegistry m ? m : null;
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                 ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return DeserializationExceptionHandler.Response.resume(List.of(deadLetter("deserialization", record.topic(),
                record.partition(), record.offset(), record.key(), record.value(), record.headers(), exception)));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                            Exception exception) {
        return ProcessingExceptionHandler.Response.resume(fromContext("processing", context, exception));
    }

    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                                            Exception exception) {
        if (!causedByContent(exception)) {
            return ProductionExceptionHandler.Response.fail();
        }
        return ProductionExceptionHandler.Response.resume(fromContext("production to " + record.topic(), context, exception));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record,
                                                                         Exception exception,
                                                                         SerializationExceptionOrigin origin) {
        return ProductionExceptionHandler.Response.resume(fromContext("serialization for " + record.topic(), context,
                exception));
    }

    private List<ProducerRecord<byte[], byte[]>> fromContext(String stage, ErrorHandlerContext context, Exception e) {
        if (context == null || context.topic() == null) {
            // a punctuation, not a record: nothing to dead-letter
            LOG.warn("{} failed outside any record; going on: {}", stage, e.toString());
            count(stage);
            return List.of();
        }
        return List.of(deadLetter(stage, context.topic(), context.partition(), context.offset(), context.sourceRawKey(),
                context.sourceRawValue(), context.headers(), e));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(String stage, String topic, int partition, long offset, byte[] key,
                                                      byte[] value, Headers headers, Exception e) {
        LOG.warn("{}: dead-lettering the record at {}-{}@{} to {}: {}", deadLetters.service(), topic, partition, offset,
                deadLetters.topic(), DeadLetters.reason(e));
        count(stage);
        return deadLetters.record(topic, partition, offset, key, value, headers, e);
    }

    private void count(String stage) {
        if (metrics != null) {
            metrics.counter("karaul.dead.letters", "service", deadLetters.service(),
                    "stage", stage.startsWith("production") ? "production" : stage.startsWith("serialization")
                            ? "serialization" : stage).increment();
        }
    }

    /** Errors that sending the same bytes again would repeat: the record, not the broker, is at fault. */
    static boolean causedByContent(Exception e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException || e instanceof SerializationException;
    }
}
