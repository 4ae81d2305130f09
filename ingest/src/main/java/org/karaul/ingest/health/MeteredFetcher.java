package org.karaul.ingest.health;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.karaul.ingest.fetch.FetchException;
import org.karaul.ingest.fetch.FetchResult;
import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.fetch.Validators;

/**
 * A source's view of the shared fetcher that counts what it does: timer {@code karaul.ingest.fetches}
 * (tags source, outcome = success | not.modified | the failure's outcome) and summary
 * {@code karaul.ingest.fetch.bytes} (tag source). Tags are the source id, never a URL.
 */
public final class MeteredFetcher implements Fetcher {
    private final Fetcher delegate;
    private final MeterRegistry metrics;
    private final String sourceId;
    private final DistributionSummary bytes;

    public MeteredFetcher(Fetcher delegate, MeterRegistry metrics, String sourceId) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.sourceId = sourceId;
        this.bytes = DistributionSummary.builder("karaul.ingest.fetch.bytes").baseUnit("bytes")
                .tag("source", sourceId).register(metrics);
    }

    @Override
    public FetchResult fetch(String url, Validators validators) throws FetchException {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "success";
        try {
            FetchResult r = delegate.fetch(url, validators);
            outcome = r.notModified() ? "not.modified" : "success";
            bytes.record(r.body().length);
            return r;
        } catch (FetchException e) {
            outcome = e.outcome();
            throw e;
        } finally {
            sample.stop(metrics.timer("karaul.ingest.fetches", "source", sourceId, "outcome", outcome));
        }
    }
}
