package org.karaul.ingest.fetch;

/** The body (as sent, or once decompressed) went beyond the configured maximum; reading was aborted. */
public final class BodyTooLargeException extends FetchException {
    private final long limit;

    public BodyTooLargeException(String url, long limit, boolean decompressed) {
        super(url, "body exceeds " + limit + " bytes" + (decompressed ? " once decompressed" : ""), null);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    @Override
    public String outcome() {
        return "too.large";
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
