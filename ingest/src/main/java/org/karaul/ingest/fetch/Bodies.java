package org.karaul.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** Helpers for bodies that arrive compressed without saying so (sitemap.xml.gz and the like). */
public final class Bodies {
    private Bodies() {
    }

    public static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    /** Gunzips a gzip body, stopping at {@code limit} bytes; other bodies are returned as they are. */
    public static byte[] gunzipIfCompressed(String url, byte[] body, long limit) throws FetchException {
        if (!isGzip(body)) {
            return body;
        }
        try {
            return ContentDecoder.readBounded(url, new GZIPInputStream(new ByteArrayInputStream(body)), limit);
        } catch (IOException e) {
            throw new BadResponseException(url, "corrupt gzip body: " + e.getMessage(), e);
        }
    }
}
