package org.karaul.ingest.source;

import org.karaul.ingest.extract.Article;
import org.karaul.ingest.extract.ArticleExtractor;
import org.karaul.ingest.fetch.FetchException;
import org.karaul.ingest.fetch.FetchResult;
import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.fetch.UrlCanonicalizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fetches and extracts the article pages a listing, sitemap or feed points to. Remembers the last few hundred
 * URLs it fetched so a poll does not re-download what the previous poll already saw; one bad page is skipped.
 */
public final class ArticlePages {
    private static final int REMEMBERED = 1000;

    private final SourceSpec spec;
    private final Fetcher fetcher;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final Set<String> fetched = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
    private int failures;

    public ArticlePages(SourceSpec spec, Fetcher fetcher) {
        this.spec = spec;
        this.fetcher = fetcher;
    }

    /** Candidates for those of {@code urls} not fetched before, at most {@code spec.maxItems()} of them. */
    public List<Candidate> fetchNew(List<String> urls) {
        List<Candidate> out = new ArrayList<>();
        for (String url : urls) {
            if (out.size() >= spec.maxItems()) {
                break;
            }
            if (fetched.add(url)) {
                fetchOne(url).ifPresent(out::add);
            }
        }
        return out;
    }

    private java.util.Optional<Candidate> fetchOne(String url) {
        try {
            FetchResult r = fetcher.fetch(url);
            Article a = extractor.extract(r.body(), r.findHeaderCharset().orElse(null), r.finalUrl(),
                    spec.selectors());
            String canonical = a.url() != null ? a.url() : UrlCanonicalizer.canonicalize(url).orElse(url);
            if (a.text().isBlank() && a.title().isBlank()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Candidate(canonical, a.title(), a.text(), a.published(),
                    a.lang() != null ? a.lang() : spec.lang()));
        } catch (FetchException e) {
            failures++;
            fetched.remove(url);
            return java.util.Optional.empty();
        }
    }

    /** Article fetches that failed since this object was made (each is retried at the next poll). */
    public int failures() {
        return failures;
    }
}
