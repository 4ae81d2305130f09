package org.karaul.ingest.source;

/** A source could not be fetched or read. The message names the source id and the URL. */
public class SourceException extends Exception {
    private final String sourceId;
    private final String url;

    public SourceException(String sourceId, String url, String reason, Throwable cause) {
        super("source " + sourceId + " (" + url + "): " + reason, cause);
        this.sourceId = sourceId;
        this.url = url;
    }

    public String sourceId() {
        return sourceId;
    }

    public String url() {
        return url;
    }
}
