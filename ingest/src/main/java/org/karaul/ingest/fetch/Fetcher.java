package org.karaul.ingest.fetch;

/** Gets one URL. Implementations are thread-safe. */
public interface Fetcher {

    /**
     * Fetches {@code url}, sending {@code validators} for a conditional GET.
     *
     * @return the response; {@link FetchResult#notModified()} when the server answered 304
     * @throws FetchException for anything short of a usable 2xx/304 answer; carries the URL
     */
    FetchResult fetch(String url, Validators validators) throws FetchException;

    default FetchResult fetch(String url) throws FetchException {
        return fetch(url, Validators.NONE);
    }
}
