package org.karaul.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
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
 * Runs {@link ProcessorTopology} and, when enabled, {@link DevelopmentTopology} as two Streams applications with
 * exactly-once v2 processing (the second one's application id ends in {@code -developments}). Each has
 * {@link DeadLetterHandler} installed, so no record stops it: classify dead-letters to {@code karaul.items.raw.dlq},
 * developments to {@code karaul.items.classified.dlq}.
 */
public final class ProcessorApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);

    private final List<KafkaStreams> streams;
    private final List<KafkaStreamsMetrics> streamsMetrics;
    private final TaxonomyClassifier classifier;

    private ProcessorApp(List<KafkaStreams> streams, List<KafkaStreamsMetrics> streamsMetrics,
                         TaxonomyClassifier classifier) {
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.classifier = classifier;
    }

    /** Loads the taxonomy and grouping rules (bad ones stop start-up), then starts the streams; health goes on {@code ops}. */
    public static ProcessorApp start(ProcessorConfig config, MeterRegistry metrics, OpsServer ops) {
        // the taxonomy compiles (about two seconds) while the topics are checked and both streams start, so a
        // restarted processor classifies again sooner
        CompletableFuture<TaxonomyClassifier> compiling =
                CompletableFuture.supplyAsync(() -> Classifiers.load(config.taxonomyPath()));
        if (config.createTopics()) {
            TopicSetup.ensure(config.kafka(), List.of(Topics.ITEMS_RAW, Topics.ITEMS_CLASSIFIED, Topics.ITEMS_RAW_DLQ,
                    Topics.ITEMS_CLASSIFIED_DLQ, Topics.DEVELOPMENTS));
        }
        List<KafkaStreams> all = new ArrayList<>();
        List<KafkaStreamsMetrics> bound = new ArrayList<>();
        try {
            // the classify stream starts first, before the compile ends (ClassifyProcessor waits for it in init), and
            // the developments stream after it: a restarted processor classifies again sooner
            PendingClassifier<TaxonomyClassifier> pending = new PendingClassifier<>(compiling);
            DeadLetters rawDeadLetters = new DeadLetters(Topics.ITEMS_RAW_DLQ.name(), "processor",
                    config.deadLetterMaxBytes());
            start("processor", ProcessorTopology.build(pending, metrics, Clock.systemUTC(), rawDeadLetters,
                            config.itemsMaxBytes()),
                    DeadLetterHandler.install(streamsProperties(config, config.applicationId()), rawDeadLetters, metrics),
                    metrics, ops, config.health(), all, bound);
            TaxonomyClassifier classifier = pending.ready();
            LOG.info("processor started with taxonomy {}", classifier.taxonomyVersion());
            return new ProcessorApp(all, bound, classifier);
        } catch (RuntimeException | Error e) {
            all.forEach(streams -> streams.close(Duration.ofSeconds(5)));
            bound.forEach(KafkaStreamsMetrics::close);
            throw e;
        }
    }

    private static void start(String name, Topology topology, Properties props, MeterRegistry metrics, OpsServer ops,
                              StreamsHealth.Limit health, List<KafkaStreams> all, List<KafkaStreamsMetrics> bound) {
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setStateListener((now, before) -> LOG.info("{} streams {} -> {}", name, before, now));
        ThreadRecovery recovery = ThreadRecovery.install(streams, name, metrics);
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
        if (ops != null) {
            ops.register(name, new StreamsHealth(streams::state, recovery, health));
        }
        streams.start();
        all.add(streams);
        bound.add(streamsMetrics);
    }

    static Properties streamsProperties(ProcessorConfig config) {
        return streamsProperties(config, config.applicationId());
    }

    static Properties streamsProperties(ProcessorConfig config, String applicationId) {
        // each application is its own group, so one static member id serves both
        return ClientProperties.from(config.kafka())
                .exactlyOnceStreams(applicationId, config.stateDir(), config.commitInterval())
                .streamThreads(config.threads())
                .staticMember(config.groupInstanceId())
                .build();
    }

    /** Whether every stream of this service is running (not starting or rebalancing). */
    public boolean running() {
        return streams.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING);
    }

    /** State of the classifier stream. */
    public KafkaStreams.State state() {
        return streams.get(0).state();
    }

    @Override
    public void close() {
        for (KafkaStreams s : streams) {
            s.close(Duration.ofSeconds(5));
        }
        streamsMetrics.forEach(KafkaStreamsMetrics::close);
        // after the streams: Lucene Monitor's background thread would otherwise outlive the service
        classifier.close();
    }
}
