package org.karaul.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.karaul.contract.RawItem;
import org.karaul.contract.SeenUrl;
import org.karaul.contract.kafka.Topics;
import org.karaul.config.ConfigException;
import org.karaul.ingest.fetch.FetchConfig;
import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.fetch.HttpFetcher;
import org.karaul.ingest.health.MeteredFetcher;
import org.karaul.ingest.health.SourceHealthBoard;
import org.karaul.ingest.source.Source;
import org.karaul.ingest.source.SourceSpec;
import org.karaul.ingest.source.Sources;
import org.karaul.ingest.source.SourcesFile;
import org.karaul.ingest.source.SourcesFileException;
import org.karaul.ops.HealthCheck;
import org.karaul.ops.OpsServer;
import org.karaul.ops.TopicSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the ingest service: sources file → sources → poller → transactional publisher → raw topic. */
public final class IngestApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestApp.class);

    private final Poller poller;
    private final ItemPublisher publisher;
    private final KafkaClientMetrics producerMetrics;

    private IngestApp(Poller poller, ItemPublisher publisher, KafkaClientMetrics producerMetrics) {
        this.poller = poller;
        this.publisher = publisher;
        this.producerMetrics = producerMetrics;
    }

    /** Starts polling; registers a health check on {@code ops} when given. */
    public static IngestApp start(IngestConfig config, MeterRegistry metrics, OpsServer ops) {
        List<SourceSpec> specs = loadSources(config);
        Fetcher fetcher = new HttpFetcher(FetchConfig.defaults().withUserAgent(config.userAgent())
                .withReadTimeout(config.httpTimeout()).withMaxBodyBytes(config.maxBodyBytes())
                .withHostDelay(config.hostDelay()).withRobots(config.obeyRobots()));
        List<Source> sources = specs.stream()
                .map(spec -> Sources.create(spec, new MeteredFetcher(fetcher, metrics, spec.id()),
                        config.fetchArticles()))
                .toList();
        SourceHealthBoard health = new SourceHealthBoard(specs.stream().map(SourceSpec::id).toList(),
                config.brokenAfter(), config.silentAfter(), Clock.systemUTC(), metrics);
        if (config.createTopics()) {
            TopicSetup.ensure(config.kafka(), List.of(Topics.ITEMS_RAW, Topics.INGEST_SEEN));
        }
        SeenUrls seen = SeenUrls.restore(config.kafka(), Duration.ofSeconds(60));
        KafkaProducer<String, Object> producer = producer(config);
        producer.initTransactions();
        KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(metrics);
        ItemPublisher publisher = new ItemPublisher(producer, seen, Clock.systemUTC(), metrics, config.itemsMaxBytes());
        Poller poller = new Poller(sources, publisher, metrics, Math.min(4, Math.max(1, sources.size())), health);
        if (ops != null) {
            ops.register("ingest", () -> HealthCheck.Status.up(sources.size() + " sources, "
                    + poller.lastSuccess().size() + " polled successfully"));
            ops.register("ingest.sources", () -> HealthCheck.Status.up(health.summary()));
            // One record per source; always "up": a blind source must not make the service look dead.
            specs.forEach(spec -> ops.register("ingest.source." + spec.id(),
                    () -> HealthCheck.Status.up(health.find(spec.id()).describe())));
        }
        poller.start();
        LOG.info("ingest started: {} sources, {} URLs remembered", sources.size(), seen.size());
        return new IngestApp(poller, publisher, producerMetrics);
    }

    private static List<SourceSpec> loadSources(IngestConfig config) {
        try {
            return SourcesFile.loadOrDefault(config.sourcesPath());
        } catch (SourcesFileException e) {
            throw new ConfigException("ingest.sources.path",
                    config.sourcesPath() == null ? null : config.sourcesPath().toString(), e.getMessage());
        }
    }

    private static KafkaProducer<String, Object> producer(IngestConfig config) {
        Properties p = new Properties();
        p.putAll(config.kafka());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.transactionalId());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        Serializer<RawItem> items = Topics.ITEMS_RAW.valueSerde().serializer();
        Serializer<SeenUrl> seen = Topics.INGEST_SEEN.valueSerde().serializer();
        Serializer<Object> values = (topic, value) -> value instanceof RawItem r ? items.serialize(topic, r)
                : seen.serialize(topic, (SeenUrl) value);
        return new KafkaProducer<>(p, Topics.ITEMS_RAW.keySerde().serializer(), values);
    }

    @Override
    public void close() throws Exception {
        poller.close();
        producerMetrics.close();
        publisher.close();
    }
}
