package org.karaul.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.karaul.contract.kafka.Topics;
import org.karaul.ops.HealthCheck;
import org.karaul.ops.OpsServer;
import org.karaul.ops.TopicSetup;
import org.karaul.processor.classify.Classifier;
import org.karaul.processor.classify.Classifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link ProcessorTopology} with exactly-once v2 processing. */
public final class ProcessorApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;

    private ProcessorApp(KafkaStreams streams, KafkaStreamsMetrics streamsMetrics) {
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
    }

    /** Loads the taxonomy (a bad one stops start-up), then starts the stream; health goes on {@code ops} if given. */
    public static ProcessorApp start(ProcessorConfig config, MeterRegistry metrics, OpsServer ops) {
        Classifier classifier = Classifiers.load(config.taxonomyPath());
        if (config.createTopics()) {
            TopicSetup.ensure(config.kafka(), List.of(Topics.ITEMS_RAW, Topics.ITEMS_CLASSIFIED, Topics.ITEMS_RAW_DLQ));
        }
        KafkaStreams streams = new KafkaStreams(ProcessorTopology.build(classifier, metrics, Clock.systemUTC()),
                streamsProperties(config));
        streams.setStateListener((now, before) -> LOG.info("processor streams {} -> {}", before, now));
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
        if (ops != null) {
            ops.register("processor", () -> health(streams));
        }
        streams.start();
        LOG.info("processor started with taxonomy {}", classifier.taxonomyVersion());
        return new ProcessorApp(streams, streamsMetrics);
    }

    static Properties streamsProperties(ProcessorConfig config) {
        Properties p = new Properties();
        p.putAll(config.kafka());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        return p;
    }

    static HealthCheck.Status health(KafkaStreams streams) {
        KafkaStreams.State s = streams.state();
        boolean up = s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING
                || s == KafkaStreams.State.CREATED;
        return new HealthCheck.Status(up, "streams " + s);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(5));
        streamsMetrics.close();
    }
}
