package org.karaul.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.Source;
import org.karaul.ingest.source.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls every source at its interval on a small thread pool and hands what it finds to the publisher. */
public final class Poller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final List<Source> sources;
    private final ItemPublisher publisher;
    private final MeterRegistry metrics;
    private final ScheduledExecutorService pool;
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();

    public Poller(List<Source> sources, ItemPublisher publisher, MeterRegistry metrics, int threads) {
        this.sources = List.copyOf(sources);
        this.publisher = publisher;
        this.metrics = metrics;
        this.pool = Executors.newScheduledThreadPool(threads, r -> {
            Thread t = new Thread(r, "ingest-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts polling; every source is polled once right away. */
    public void start() {
        for (Source s : sources) {
            long every = s.spec().interval().toMillis();
            pool.scheduleWithFixedDelay(() -> pollOnce(s), 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Polls one source now; never throws, so the schedule survives any failure. */
    void pollOnce(Source source) {
        String id = source.spec().id();
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "success";
        try {
            List<Candidate> found = source.poll();
            publisher.publish(source.spec(), found);
            lastSuccess.put(id, Instant.now());
        } catch (SourceException e) {
            outcome = "fetch.error";
            LOG.warn("{}", e.getMessage());
        } catch (RuntimeException e) {
            outcome = "publish.error";
            LOG.error("source {}: {}", id, e.getMessage(), e);
        } finally {
            sample.stop(metrics.timer("karaul.ingest.polls", "source", id, "outcome", outcome));
        }
    }

    /** When each source last polled and published without error. */
    public Map<String, Instant> lastSuccess() {
        return Map.copyOf(lastSuccess);
    }

    public List<Source> sources() {
        return sources;
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
