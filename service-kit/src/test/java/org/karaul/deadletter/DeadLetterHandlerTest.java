package org.karaul.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.karaul.contract.kafka.DeadLetterHeaders;
import org.junit.jupiter.api.Test;

/** The one error policy of the Streams applications: data errors are dead-lettered and the stream resumes. */
class DeadLetterHandlerTest {
    private final DeadLetterHandler handler = configured();

    private static DeadLetterHandler configured() {
        Properties props = DeadLetterHandler.install(new Properties(), new DeadLetters("in.dlq", "stage", 64 * 1024), null);
        assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG)).isEqualTo(DeadLetterHandler.class);
        assertThat(props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG)).isEqualTo(DeadLetterHandler.class);
        assertThat(props.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG)).isEqualTo(DeadLetterHandler.class);
        Map<String, Object> configs = new HashMap<>();
        props.forEach((k, v) -> configs.put(k.toString(), v));
        DeadLetterHandler h = new DeadLetterHandler();
        h.configure(configs);
        return h;
    }

    @Test
    void shouldDeadLetterAnUnreadableRecordAndResume() {
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("in", 2, 9, bytes("k"), bytes("null"));
        DeserializationExceptionHandler.Response response = handler.handleError(context(), r,
                new SerializationException("the value is the JSON literal null"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo("in.dlq");
        assertThat(dead.value()).isEqualTo(bytes("null"));
        assertThat(header(dead, DeadLetterHeaders.PARTITION)).isEqualTo("2");
        assertThat(header(dead, DeadLetterHeaders.OFFSET)).isEqualTo("9");
        assertThat(header(dead, DeadLetterHeaders.SERVICE)).isEqualTo("stage");
    }

    @Test
    void shouldDeadLetterTheSourceRecordOfAProcessingErrorAndResume() {
        ProcessingExceptionHandler.Response response = handler.handleError(context(), new Record<>("k", "v", 0L),
                new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.value()).isEqualTo(bytes("raw value"));
        assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo("in");
        assertThat(header(dead, DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void shouldResumeOnOutputTheRecordCannotBeWrittenAsButFailOnTheBrokerBeingAway() {
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>("out", bytes("k"), new byte[10]);
        assertThat(handler.handleSerializationError(context(), out, new SerializationException("cannot write"),
                ProductionExceptionHandler.SerializationExceptionOrigin.VALUE).result())
                .isEqualTo(ProductionExceptionHandler.Result.RESUME);
        ProductionExceptionHandler.Response tooLarge = handler.handleError(context(), out, new RecordTooLargeException("big"));
        assertThat(tooLarge.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(header(tooLarge.deadLetterQueueRecords().get(0), DeadLetterHeaders.ERROR)).isEqualTo("big");
        assertThat(handler.handleError(context(), out, new TimeoutException("broker away")).result())
                .isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    @Test
    void shouldResumeWithoutDeadLetterWhenAPunctuationFails() {
        ProcessingExceptionHandler.Response response = handler.handleError(punctuation(), (Record<?, ?>) null,
                new IllegalStateException());
        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    private static ErrorHandlerContext context() {
        return new Context("in", 2, 9);
    }

    private static ErrorHandlerContext punctuation() {
        return new Context(null, -1, -1);
    }

    /** What Streams hands a handler about the record at hand. */
    private record Context(String topic, int partition, long offset) implements ErrorHandlerContext {
        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "node";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, partition);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return bytes("raw key");
        }

        @Override
        public byte[] sourceRawValue() {
            return bytes("raw value");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ProducerRecord<?, ?> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
