package org.karaul.ingest.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.karaul.ingest.Sources;
import org.karaul.ingest.fetch.FetchException;
import org.karaul.ingest.fetch.HttpFetcher;
import org.karaul.ingest.fetch.HttpStatusException;
import org.karaul.ingest.fetch.RobotsDeniedException;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.SourceException;
import org.karaul.ingest.source.SourceSpec;

/**
 * Fetches each source once with ingest's own fetcher and parsers, one source after another (so one request at a time,
 * and the fetcher's per-host gap and robots.txt rules apply), and judges it. Feed entries' pages are not fetched;
 * listing, sitemap and report sources follow at most {@link #LINKED_PAGES} of their links.
 */
public final class SourceCheck {
    /** Linked pages a listing, sitemap or report source may fetch during a check. */
    public static final int LINKED_PAGES = 3;

    private final HttpFetcher fetcher;

    public SourceCheck(HttpFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /** Checks every spec in order, handing each result to {@code progress} as soon as it is known. */
    public List<CheckResult> run(List<SourceSpec> specs, Consumer<CheckResult> progress) {
        List<CheckResult> results = new ArrayList<>();
        for (SourceSpec spec : specs) {
            CheckResult r = check(spec);
            results.add(r);
            progress.accept(r);
        }
        return results;
    }

    /** Fetches one source once and judges it. */
    public CheckResult check(SourceSpec spec) {
        String robots = robots(spec.url());
        SourceSpec once = new SourceSpec(spec.id(), spec.type(), spec.url(), spec.interval(), spec.lang(), spec.grade(),
                spec.regions(), spec.minInterval(), spec.selectors(), Math.min(spec.maxItems(), LINKED_PAGES), spec.profile());
        try {
            List<Candidate> items = Sources.create(once, fetcher, false).poll();
            Instant newest = items.stream().map(Candidate::published).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
            return new CheckResult(spec.id(), spec.type(), items.isEmpty() ? CheckResult.Status.EMPTY : CheckResult.Status.OK,
                    items.size(), newest, robots, items.isEmpty() ? "no items listed" : null);
        } catch (SourceException | RuntimeException e) {
            return new CheckResult(spec.id(), spec.type(), status(e), 0, null, robots, oneLine(e));
        }
    }

    private String robots(String url) {
        try {
            return fetcher.robotsAllow(url) ? "allowed" : "disallowed";
        } catch (FetchException e) {
            return "unknown";
        }
    }

    private static CheckResult.Status status(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RobotsDeniedException) {
                return CheckResult.Status.ROBOTS_DENIED;
            }
            if (t instanceof HttpStatusException) {
                return CheckResult.Status.HTTP_ERROR;
            }
            if (t instanceof FetchException) {
                return CheckResult.Status.UNREACHABLE;
            }
        }
        return CheckResult.Status.UNPARSABLE;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
