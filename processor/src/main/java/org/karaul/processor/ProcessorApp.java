package org.karaul.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.DeadLetterHandler;
import org.karaul.deadletter.DeadLetters;
import org.karaul.ops.OpsServer;
import org.karaul.ops.TopicSetup;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.TaxonomyClassifier;
import org.karaul.streams.ClientProperties;
import org.karaul.streams.StreamsHealth;
import org.karaul.streams.ThreadRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ProcessorTopology}, the classifier, as one Streams application with exactly-once v2 processing and
 * {@link DeadLetterHandler} installed, so no record stops it: what it cannot classify is dead-lettered to
 * {@code karaul.items.raw.dlq}. Developments and alerts are the alerts service's.
 */
public final class ProcessorApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final TaxonomyClassifier classifier;

    private ProcessorApp(KafkaStreams streams, KafkaStreamsMetrics streamsMetrics, TaxonomyClassifier classifier) {
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.classifier = classifier;
    }

    /** Loads the taxonomy (a bad one stops start-up), then starts the stream; health goes on {@code ops}. */
    public static ProcessorApp start(ProcessorConfig config, MeterRegistry metrics, OpsServer ops) {
        // the taxonomy compiles (about two seconds) while the topics are checked and the stream starts, so a
        // restarted processor classifies again sooner
        CompletableFuture<TaxonomyClassifier> compiling =
                CompletableFuture.supplyAsync(() -> Classifiers.load(config.taxonomyPath()));
        if (config.createTopics()) {
            TopicSetup.ensure(config.kafka(), List.of(Topics.ITEMS_RAW, Topics.ITEMS_CLASSIFIED, Topics.ITEMS_RAW_DLQ));
        }
        // the stream starts before the compile ends (ClassifyProcessor waits for it in init)
        PendingClassifier<TaxonomyClassifier> pending = new PendingClassifier<>(compiling);
        DeadLetters rawDeadLetters = new DeadLetters(Topics.ITEMS_RAW_DLQ.name(), "processor", config.deadLetterMaxBytes());
        KafkaStreams streams = new KafkaStreams(ProcessorTopology.build(pending, metrics, Clock.systemUTC(), rawDeadLetters,
                config.itemsMaxBytes()), DeadLetterHandler.install(streamsProperties(config), rawDeadLetters, metrics));
        streams.setStateListener((now, before) -> LOG.info("processor streams {} -> {}", before, now));
        ThreadRecovery recovery = ThreadRecovery.install(streams, "processor", metrics);
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
        if (ops != null) {
            ops.register("processor", new StreamsHealth(streams::state, recovery, config.health()));
        }
        streams.start();
        try {
            TaxonomyClassifier classifier = pending.ready();
            LOG.info("processor started with taxonomy {}", classifier.taxonomyVersion());
            return new ProcessorApp(streams, streamsMetrics, classifier);
        } catch (RuntimeException | Error e) {
            streams.close(Duration.ofSeconds(5));
            streamsMetrics.close();
            throw e;
        }
    }

    static Properties streamsProperties(ProcessorConfig config) {
        return ClientProperties.from(config.kafka())
                .exactlyOnceStreams(config.applicationId(), config.stateDir(), config.commitInterval())
                .streamThreads(config.threads())
                .staticMember(config.groupInstanceId())
                .build();
    }

    /** Whether the stream is running (not starting or rebalancing). */
    public boolean running() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** State of the classifier stream. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(5));
        streamsMetrics.close();
        // after the stream: Lucene Monitor's background thread would otherwise outlive the service
        classifier.close();
    }
}
