package org.karaul.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Undoes Content-Encoding gzip or deflate, never producing more than a byte limit (gzip bombs stop there). */
final class ContentDecoder {
    private ContentDecoder() {
    }

    static byte[] decode(String url, String encoding, byte[] raw, long limit) throws FetchException {
        String enc = encoding == null ? "identity" : encoding.trim().toLowerCase(Locale.ROOT);
        try {
            switch (enc) {
                case "", "identity" -> {
                    return raw;
                }
                case "gzip", "x-gzip" -> {
                    return readBounded(url, new GZIPInputStream(new ByteArrayInputStream(raw)), limit);
                }
                case "deflate" -> {
                    return inflate(url, raw, limit);
                }
                default -> throw new BadResponseException(url, "unsupported Content-Encoding " + enc, null);
            }
        } catch (IOException e) {
            throw new BadResponseException(url, "corrupt " + enc + " body: " + e.getMessage(), e);
        }
    }

    private static byte[] inflate(String url, byte[] raw, long limit) throws IOException, FetchException {
        try {
            return readBounded(url, new InflaterInputStream(new ByteArrayInputStream(raw)), limit);
        } catch (java.util.zip.ZipException zlibHeaderMissing) {
            // Some servers send raw deflate without the zlib wrapper.
            return readBounded(url, new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true)), limit);
        }
    }

    static byte[] readBounded(String url, InputStream in, long limit) throws IOException, FetchException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    throw new BodyTooLargeException(url, limit, true);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
