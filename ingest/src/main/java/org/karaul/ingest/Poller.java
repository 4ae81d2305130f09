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
import org.karaul.ingest.health.SourceHealthBoard;
import org.karaul.ingest.schedule.AdaptiveInterval;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.Source;
import org.karaul.ingest.source.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every source on a small thread pool and hands what it finds to the publisher. Each source's next poll
 * comes sooner while it yields new items and later while it is idle or failing ({@link AdaptiveInterval});
 * every poll is recorded on the {@link SourceHealthBoard}. While the publisher's queue is full (the broker has been
 * away for long), no source is polled: each looks again every {@link #PAUSED_CHECK}.
 */
public final class Poller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    /** How often a source whose poll was held back by a full publish queue looks again. */
    static final java.time.Duration PAUSED_CHECK = java.time.Duration.ofSeconds(1);

    private final List<Source> sources;
    private final ItemPublisher publisher;
    private final MeterRegistry metrics;
    private final ScheduledExecutorService pool;
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AdaptiveInterval> intervals = new ConcurrentHashMap<>();
    private final SourceHealthBoard health;

    public Poller(List<Source> sources, ItemPublisher publisher, MeterRegistry metrics, int threads,
                  SourceHealthBoard health) {
        this.sources = List.copyOf(sources);
        this.publisher = publisher;
        this.metrics = metrics;
        this.health = health;
        for (Source s : this.sources) {
            intervals.put(s.spec().id(), new AdaptiveInterval(s.spec().interval(), s.spec().minInterval()));
        }
        this.pool = Executors.newScheduledThreadPool(threads, r -> {
            Thread t = new Thread(r, "ingest-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts polling; every source is polled once right away, then at its adaptive interval. */
    public void start() {
        for (Source s : sources) {
            pool.schedule(() -> pollAndReschedule(s), 0, TimeUnit.MILLISECONDS);
        }
    }

    private void pollAndReschedule(Source source) {
        long next = source.spec().interval().toMillis();
        try {
            next = pollOnce(source).toMillis();
        } catch (Error e) {
            // e.g. StackOverflowError from a hostile page: keep polling this source; the error is logged.
            LOG.error("source {}: {}", source.spec().id(), e.toString());
            health.failure(source.spec().id(), e.getClass().getSimpleName());
        } finally {
            if (!pool.isShutdown()) {
                pool.schedule(() -> pollAndReschedule(source), next, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Polls one source now and returns the delay until its next poll; never throws. Does not poll while the
     * publisher is not accepting more (back-pressure): what it would find waits on the site instead of in memory.
     */
    java.time.Duration pollOnce(Source source) {
        String id = source.spec().id();
        if (!publisher.accepting()) {
            metrics.counter("karaul.ingest.polls.paused", "source", id).increment();
            return PAUSED_CHECK;
        }
        AdaptiveInterval interval = intervals.get(id);
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "success";
        try {
            List<Candidate> found = source.poll();
            metrics.counter("karaul.ingest.items.found", "source", id).increment(found.size());
            int fresh = publisher.publish(source.spec(), found).size();
            if (publisher.state().failing()) {
                outcome = "publish.pending"; // found and kept; it goes out when the broker is back
            }
            lastSuccess.put(id, Instant.now());
            health.success(id, fresh);
            return interval.afterSuccess(fresh);
        } catch (SourceException e) {
            outcome = "fetch.error";
            LOG.warn("{}", e.getMessage());
            health.failure(id, e.getMessage());
            return interval.afterFailure();
        } catch (RuntimeException e) {
            outcome = "publish.error";
            LOG.error("source {}: {}", id, e.getMessage(), e);
            health.failure(id, "publishing failed: " + e.getMessage());
            return interval.afterFailure();
        } finally {
            sample.stop(metrics.timer("karaul.ingest.polls", "source", id, "outcome", outcome));
        }
    }

    /** When each source last polled without error (what it found is published, or waits to be). */
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
