package org.karaul.ingest.sitemap;

import org.karaul.ingest.fetch.Bodies;
import org.karaul.ingest.fetch.FetchException;
import org.karaul.ingest.fetch.FetchResult;
import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.fetch.UrlCanonicalizer;
import org.karaul.ingest.source.ArticlePages;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.Source;
import org.karaul.ingest.source.SourceException;
import org.karaul.ingest.source.SourceFetcher;
import org.karaul.ingest.source.SourceSpec;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A news sitemap or sitemap index. From an index, the most recently modified child sitemaps are read
 * (at most three); then the newest URLs are fetched as articles, up to {@code maxItems} per poll.
 */
public final class SitemapSource implements Source {
    private static final int CHILD_SITEMAPS = 3;
    private static final long MAX_XML = 50L * 1024 * 1024;
    private static final Comparator<SitemapEntry> NEWEST_FIRST = Comparator.comparing(SitemapEntry::modified,
            Comparator.nullsLast(Comparator.<Instant>reverseOrder()));

    private final SourceSpec spec;
    private final SourceFetcher fetcher;
    private final ArticlePages pages;

    public SitemapSource(SourceSpec spec, Fetcher fetcher) {
        this.spec = spec;
        this.fetcher = new SourceFetcher(spec, fetcher);
        this.pages = new ArticlePages(spec, fetcher);
    }

    @Override
    public SourceSpec spec() {
        return spec;
    }

    @Override
    public List<Candidate> poll() throws SourceException {
        Sitemap top = read(spec.url());
        List<SitemapEntry> urls = new ArrayList<>();
        if (top.index()) {
            List<SitemapEntry> children = new ArrayList<>(top.entries());
            children.sort(NEWEST_FIRST);
            for (SitemapEntry child : children.subList(0, Math.min(CHILD_SITEMAPS, children.size()))) {
                Sitemap s = read(child.loc());
                if (!s.index()) {
                    urls.addAll(s.entries());
                }
            }
        } else {
            urls.addAll(top.entries());
        }
        urls.sort(NEWEST_FIRST);
        List<Candidate> stubs = new ArrayList<>();
        for (SitemapEntry e : urls) {
            UrlCanonicalizer.canonicalize(e.loc()).ifPresent(u -> stubs.add(new Candidate(u,
                    e.title() == null ? "" : e.title(), "", e.modified(),
                    e.language() != null ? e.language() : spec.lang())));
        }
        return pages.complete(stubs);
    }

    private Sitemap read(String url) throws SourceException {
        FetchResult r = fetcher.fetch(url);
        try {
            return Sitemap.parse(Bodies.gunzipIfCompressed(url, r.body(), MAX_XML), r.finalUrl());
        } catch (FetchException e) {
            throw new SourceException(spec.id(), e.url(), e.getMessage(), e); // a compressed body too large
        } catch (IOException e) {
            throw new SourceException(spec.id(), url, "unreadable sitemap: " + e.getMessage(), e);
        }
    }
}
