package org.karaul.ingest.source;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.karaul.ingest.extract.HtmlDecoder;
import org.karaul.ingest.fetch.FetchException;
import org.karaul.ingest.fetch.FetchResult;
import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.fetch.Validators;

/** One source's fetches: a failed fetch becomes a {@link SourceException} naming the source and the URL. */
public final class SourceFetcher {
    private final SourceSpec spec;
    private final Fetcher fetcher;

    public SourceFetcher(SourceSpec spec, Fetcher fetcher) {
        this.spec = spec;
        this.fetcher = fetcher;
    }

    public FetchResult fetch(String url) throws SourceException {
        return fetch(url, Validators.NONE);
    }

    public FetchResult fetch(String url, Validators validators) throws SourceException {
        try {
            return fetcher.fetch(url, validators);
        } catch (FetchException e) {
            throw new SourceException(spec.id(), e.url(), e.getMessage(), e);
        }
    }

    /** The body decoded by its declared or sniffed charset. */
    public static String text(FetchResult r) {
        return HtmlDecoder.decode(r.body(), r.findHeaderCharset().orElse(null));
    }

    /** The body as an HTML document whose links resolve against the final URL. */
    public static Document html(FetchResult r) {
        return Jsoup.parse(text(r), r.finalUrl());
    }
}
