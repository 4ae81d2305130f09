package org.karaul.ingest.fetch;

/** Redirects looped, went on too long, or pointed nowhere usable. */
public final class RedirectException extends FetchException {
    public RedirectException(String url, String reason) {
        super(url, reason, null);
    }

    @Override
    public String outcome() {
        return "redirect";
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
