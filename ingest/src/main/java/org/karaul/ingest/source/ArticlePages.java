package org.karaul.ingest.source;

import org.karaul.ingest.extract.Article;
import org.karaul.ingest.extract.ArticleExtractor;
import org.karaul.ingest.fetch.Bodies;
import org.karaul.ingest.fetch.ContentTypes;
import org.karaul.ingest.fetch.FetchException;
import org.karaul.ingest.fetch.FetchResult;
import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.fetch.Validators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches and extracts the article pages a listing, sitemap or feed points to. What it extracted is kept
 * (the last 300 URLs per source) and served again until it is {@code recheckAfter} old; then the page is fetched
 * again with a conditional GET, so an edited article shows up as changed text and a new version downstream.
 * At most {@code maxItems} pages are fetched per call; one bad page never spoils the rest.
 */
public final class ArticlePages {
    private static final int REMEMBERED = 300;

    private record Cached(Candidate candidate, Validators validators, Instant fetchedAt) {
    }

    private final SourceSpec spec;
    private final Fetcher fetcher;
    private final Duration recheckAfter;
    private final Clock clock;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > REMEMBERED;
        }
    };
    private int failures;

    public ArticlePages(SourceSpec spec, Fetcher fetcher, Duration recheckAfter, Clock clock) {
        this.spec = spec;
        this.fetcher = fetcher;
        this.recheckAfter = recheckAfter;
        this.clock = clock;
    }

    public ArticlePages(SourceSpec spec, Fetcher fetcher) {
        this(spec, fetcher, Duration.ofHours(6), Clock.systemUTC());
    }

    /**
     * Completes each stub (URL plus whatever the listing knew: title, summary, date) with its article page.
     * A date the feed or sitemap gave wins over one read from the page (pages also carry modified times).
     * A stub whose page cannot be had is returned as it is when it has text, and left out otherwise.
     */
    public synchronized List<Candidate> complete(List<Candidate> stubs) {
        List<Candidate> out = new ArrayList<>();
        int fetches = 0;
        Instant now = clock.instant();
        for (Candidate stub : stubs) {
            Cached c = cache.get(stub.url());
            boolean stale = c == null || c.fetchedAt().plus(recheckAfter).isBefore(now);
            if (!stale || fetches >= spec.maxItems()) {
                if (c != null) {
                    out.add(c.candidate());
                }
                continue;
            }
            fetches++;
            Cached fresh = fetch(stub, c, now);
            if (fresh != null) {
                cache.put(stub.url(), fresh);
                out.add(fresh.candidate());
            }
        }
        return out;
    }

    private Cached fetch(Candidate stub, Cached before, Instant now) {
        try {
            FetchResult r = fetcher.fetch(stub.url(), before == null ? Validators.NONE : before.validators());
            if (r.notModified() && before != null) {
                return new Cached(before.candidate(), r.validators(), now);
            }
            if (!looksLikeHtml(r)) {
                return stubOrNothing(stub, before, now);
            }
            Article a = extractor.extract(r.body(), r.findHeaderCharset().orElse(null), r.finalUrl(),
                    spec.selectors());
            if (a.text().isBlank()) {
                return stubOrNothing(stub, before, now);
            }
            Candidate done = new Candidate(stub.url(), a.title().isBlank() ? stub.title() : a.title(), a.text(),
                    stub.published() != null ? stub.published() : a.published(),
                    a.lang() != null ? a.lang() : stub.lang() != null ? stub.lang() : spec.lang());
            return new Cached(done, r.validators(), now);
        } catch (FetchException e) {
            failures++;
            return e.transientFailure() ? before : stubOrNothing(stub, before, now);
        }
    }

    /** A page we can extract: declared HTML/XML/text, or undeclared but not binary. */
    private static boolean looksLikeHtml(FetchResult r) {
        String type = ContentTypes.mediaType(r.contentType());
        if (type.isEmpty()) {
            return r.body().length == 0 || r.body()[0] != '%' && !Bodies.isGzip(r.body());
        }
        return type.contains("html") || type.contains("xml") || type.startsWith("text/");
    }

    private static Cached stubOrNothing(Candidate stub, Cached before, Instant now) {
        if (before != null) {
            return before;
        }
        return stub.text() == null || stub.text().isBlank() ? null : new Cached(stub, Validators.NONE, now);
    }

    /** Convenience for listings that know only URLs. */
    public List<Candidate> completeUrls(List<String> urls) {
        return complete(urls.stream().map(u -> new Candidate(u, "", "", null, spec.lang())).toList());
    }

    /** Article fetches that failed since this object was made. */
    public synchronized int failures() {
        return failures;
    }
}
