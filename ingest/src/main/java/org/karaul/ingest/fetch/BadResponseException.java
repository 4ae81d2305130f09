package org.karaul.ingest.fetch;

/** The response arrived but cannot be used: wrong content type, corrupt compression. */
public final class BadResponseException extends FetchException {
    public BadResponseException(String url, String reason, Throwable cause) {
        super(url, reason, cause);
    }

    @Override
    public String outcome() {
        return "bad.response";
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
