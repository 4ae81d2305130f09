package org.karaul.ingest.fetch;

/** Connecting, waiting for headers or reading the body took longer than configured. */
public final class FetchTimeoutException extends FetchException {
    public FetchTimeoutException(String url, String what, Throwable cause) {
        super(url, "timed out " + what, cause);
    }

    @Override
    public String outcome() {
        return "timeout";
    }
}
