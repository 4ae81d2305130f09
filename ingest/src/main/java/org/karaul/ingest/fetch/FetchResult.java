package org.karaul.ingest.fetch;

import java.time.Duration;
import java.util.Optional;

/**
 * A fetched response, body decompressed.
 *
 * @param url          the URL asked for
 * @param finalUrl     where redirects ended
 * @param status       200-class status, or 304 when {@link #notModified()}
 * @param contentType  Content-Type header, or null
 * @param body         decompressed body (empty when not modified)
 * @param validators   ETag and Last-Modified for the next conditional GET
 * @param elapsed      wall time including redirects, excluding politeness waits
 */
public record FetchResult(String url, String finalUrl, int status, String contentType, byte[] body,
                          Validators validators, Duration elapsed) {

    public boolean notModified() {
        return status == 304;
    }

    /** The charset the Content-Type header declares, if any. */
    public Optional<String> findHeaderCharset() {
        return ContentTypes.findCharset(contentType);
    }
}
