package org.karaul.ingest.fetch;

/**
 * A URL could not be fetched. Subclasses say why; {@link #outcome()} is a bounded metric tag value.
 */
public class FetchException extends Exception {
    private final String url;

    public FetchException(String url, String reason, Throwable cause) {
        super(url + ": " + reason, cause);
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** Bounded label for metrics: io, timeout, http.error, too.large, redirect, robots, bad.response. */
    public String outcome() {
        return "io";
    }

    /** Whether trying again later may succeed. */
    public boolean transientFailure() {
        return true;
    }
}
