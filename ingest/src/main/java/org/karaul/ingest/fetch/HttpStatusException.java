package org.karaul.ingest.fetch;

import java.time.Duration;
import java.util.Optional;

/** The server answered with a status that is neither success nor a redirect. */
public final class HttpStatusException extends FetchException {
    private final int status;
    private final Duration retryAfter;

    public HttpStatusException(String url, int status, Duration retryAfter) {
        super(url, "HTTP " + status + (retryAfter == null ? "" : " (retry after " + retryAfter.toSeconds() + "s)"), null);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The server's Retry-After, when it sent one. */
    public Optional<Duration> findRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String outcome() {
        return "http.error";
    }

    @Override
    public boolean transientFailure() {
        return status == 408 || status == 429 || status >= 500;
    }
}
