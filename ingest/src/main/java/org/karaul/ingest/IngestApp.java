package org.karaul.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.karaul.contract.kafka.Topics;
import org.karaul.config.ConfigException;
import org.karaul.ingest.fetch.FetchConfig;
import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.fetch.HttpFetcher;
import org.karaul.ingest.health.MeteredFetcher;
import org.karaul.ingest.health.SourceHealthBoard;
import org.karaul.ingest.health.SourceStatusPublisher;
import org.karaul.ingest.source.Source;
import org.karaul.ingest.source.SourceSpec;
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
    private final TransactionalProducers producers;
    private final SourceStatusPublisher statuses;

    private IngestApp(Poller poller, ItemPublisher publisher, TransactionalProducers producers,
                      SourceStatusPublisher statuses) {
        this.poller = poller;
        this.publisher = publisher;
        this.producers = producers;
        this.statuses = statuses;
    }

    /** Starts polling; registers health checks on {@code ops} when given. */
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
            TopicSetup.ensure(config.kafka(), List.of(Topics.ITEMS_RAW, Topics.INGEST_SEEN, Topics.SOURCE_STATUS));
        }
        SourceStatusPublisher statuses = new SourceStatusPublisher(config.kafka(), Clock.systemUTC());
        health.onUpdate(statuses);
        TransactionalProducers producers = new TransactionalProducers(config, metrics);
        // the producer's initTransactions settles what a killed predecessor left open before the seen topic is read
        ItemPublisher publisher;
        try {
            publisher = ItemPublisher.open(producers, () -> SeenUrls.restore(config.kafka(), Duration.ofSeconds(60)),
                    Clock.systemUTC(), metrics, config.itemsMaxBytes(),
                    new ItemPublisher.Limits(config.publishRetryBackoffMax(), config.publishPendingMaxBytes()));
        } catch (RuntimeException e) {
            producers.close();
            statuses.close();
            throw e;
        }
        Poller poller = new Poller(sources, publisher, metrics, Math.min(4, Math.max(1, sources.size())), health);
        if (ops != null) {
            ops.register("ingest", () -> HealthCheck.Status.up(sources.size() + " sources, "
                    + poller.lastSuccess().size() + " polled successfully"));
            ops.register("ingest.sources", () -> HealthCheck.Status.up(health.summary()));
            // One record per source; always "up": a blind source must not make the service look dead.
            specs.forEach(spec -> ops.register("ingest.source." + spec.id(),
                    () -> HealthCheck.Status.up(health.find(spec.id()).describe())));
            // Down while publishing fails: nothing found reaches the raw topic (it waits in memory, see INGEST.md).
            ops.register("ingest.publish", () -> {
                ItemPublisher.State s = publisher.state();
                return s.failing() ? HealthCheck.Status.down(s.describe()) : HealthCheck.Status.up(s.describe());
            });
        }
        poller.start();
        LOG.info("ingest started: {} sources, {} URLs remembered", sources.size(), publisher.remembered());
        return new IngestApp(poller, publisher, producers, statuses);
    }

    private static List<SourceSpec> loadSources(IngestConfig config) {
        try {
            return SourcesFile.loadOrDefault(config.sourcesPath());
        } catch (SourcesFileException e) {
            throw new ConfigException("ingest.sources.path",
                    config.sourcesPath() == null ? null : config.sourcesPath().toString(), e.getMessage());
        }
    }

    @Override
    public void close() throws Exception {
        poller.close();
        publisher.close();
        producers.close();
        statuses.close();
    }
}
