package org.karaul.ingest.fetch;

/**
 * What the server said last time, sent back for a conditional GET.
 *
 * @param etag         ETag header value, or null
 * @param lastModified Last-Modified header value as sent, or null
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
