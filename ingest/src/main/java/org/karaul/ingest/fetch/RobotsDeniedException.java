package org.karaul.ingest.fetch;

/** robots.txt of the host does not allow our User-Agent to fetch the URL. */
public final class RobotsDeniedException extends FetchException {
    public RobotsDeniedException(String url, String reason) {
        super(url, reason, null);
    }

    @Override
    public String outcome() {
        return "robots";
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
