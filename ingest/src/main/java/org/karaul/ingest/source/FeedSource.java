package org.karaul.ingest.source;

import org.karaul.ingest.feed.FeedEntry;
import org.karaul.ingest.feed.FeedParseException;
import org.karaul.ingest.feed.FeedParser;
import org.karaul.ingest.feed.ParsedFeed;
import org.karaul.ingest.fetch.ContentTypes;
import org.karaul.ingest.fetch.FetchResult;
import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.fetch.UrlCanonicalizer;
import org.karaul.ingest.fetch.Validators;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RSS or Atom feed; conditional GET between polls, one candidate per entry with a link. With
 * {@code fetchArticles}, each entry's page is fetched and extracted for the full text (the summary stays
 * the text when the page cannot be had).
 */
public final class FeedSource implements Source {
    private final SourceSpec spec;
    private final SourceFetcher fetcher;
    private final FeedParser parser = FeedParser.standard();
    private final ArticlePages pages;
    private Validators validators = Validators.NONE;
    private List<Candidate> last = List.of();

    public FeedSource(SourceSpec spec, Fetcher fetcher, boolean fetchArticles) {
        this.spec = spec;
        this.fetcher = new SourceFetcher(spec, fetcher);
        this.pages = fetchArticles ? new ArticlePages(spec, fetcher) : null;
    }

    @Override
    public SourceSpec spec() {
        return spec;
    }

    @Override
    public List<Candidate> poll() throws SourceException {
        FetchResult r = fetcher.fetch(spec.url(), validators);
        validators = r.validators();
        if (r.notModified()) {
            return pages == null ? List.of() : pages.complete(last);
        }
        ParsedFeed feed;
        try {
            feed = parser.parse(r.body(), r.contentType(), r.finalUrl());
        } catch (FeedParseException e) {
            String type = ContentTypes.mediaType(r.contentType());
            throw new SourceException(spec.id(), spec.url(), "not a feed" + (type.isEmpty() ? "" : " (" + type + ")")
                    + ": " + e.getMessage(), e);
        }
        List<Candidate> out = new ArrayList<>();
        for (FeedEntry e : feed.entries()) {
            Optional<String> url = Optional.ofNullable(e.link()).flatMap(l -> UrlCanonicalizer.resolve(r.finalUrl(), l));
            url.ifPresent(u -> out.add(new Candidate(u, e.title(), e.summary(), e.published(), spec.lang())));
        }
        last = out;
        return pages == null ? out : pages.complete(out);
    }
}
