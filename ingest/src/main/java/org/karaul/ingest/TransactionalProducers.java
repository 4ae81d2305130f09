package org.karaul.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.Serializer;
import org.karaul.contract.RawItem;
import org.karaul.contract.SeenUrl;
import org.karaul.contract.kafka.Topics;
import org.karaul.streams.ClientProperties;

/**
 * Makes ingest's transactional producer (idempotent, {@code acks=all}, one transactional id per instance), again after
 * each failure, and keeps the Kafka client metrics bound to the newest one.
 */
final class TransactionalProducers implements Supplier<Producer<String, Object>>, AutoCloseable {
    private final IngestConfig config;
    private final MeterRegistry metrics;
    private KafkaClientMetrics bound;

    TransactionalProducers(IngestConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** The producer's settings: idempotent and transactional under the configured id. */
    static Properties properties(IngestConfig config) {
        return ClientProperties.from(config.kafka()).transactional(config.transactionalId()).build();
    }

    @Override
    public synchronized Producer<String, Object> get() {
        Properties p = properties(config);
        Serializer<RawItem> items = Topics.ITEMS_RAW.valueSerde().serializer();
        Serializer<SeenUrl> seen = Topics.INGEST_SEEN.valueSerde().serializer();
        Serializer<Object> values = (topic, value) -> value instanceof RawItem r ? items.serialize(topic, r)
                : seen.serialize(topic, (SeenUrl) value);
        KafkaProducer<String, Object> producer = new KafkaProducer<>(p, Topics.ITEMS_RAW.keySerde().serializer(), values);
        close();
        bound = new KafkaClientMetrics(producer);
        bound.bindTo(metrics);
        return producer;
    }

    /** Unbinds the client metrics of the newest producer (the publisher closes the producers themselves). */
    @Override
    public synchronized void close() {
        if (bound != null) {
            bound.close();
            bound = null;
        }
    }
}
