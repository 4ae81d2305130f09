package org.karaul.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GET with a timeout, an honest User-Agent and a cap on the body size. */
public final class HttpPages {
    private final HttpClient client;
    private final String userAgent;
    private final Duration timeout;
    private final long maxBodyBytes;

    public HttpPages(String userAgent, Duration timeout, long maxBodyBytes) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Fetches a URL's body.
     *
     * @throws SourceException on a network error, a non-2xx status or a body over the size limit
     */
    public byte[] get(String sourceId, String url) throws SourceException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("User-Agent", userAgent).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new SourceException(sourceId, url, "HTTP " + response.statusCode(), null);
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
                if (bytes.length > maxBodyBytes) {
                    throw new SourceException(sourceId, url, "body larger than " + maxBodyBytes + " bytes", null);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new SourceException(sourceId, url, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(sourceId, url, "interrupted", e);
        }
    }
}
