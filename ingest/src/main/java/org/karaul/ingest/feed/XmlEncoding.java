package org.karaul.ingest.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * UTF-16 and UTF-32 XML, recognised by byte-order mark or by how {@code <?} is laid out in the first bytes
 * (XML 1.0 appendix F); everything else is left to the parser's own detection.
 */
final class XmlEncoding {
    private XmlEncoding() {
    }

    static Optional<Charset> findWideCharset(byte[] b) {
        if (b.length < 4) {
            return Optional.empty();
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        int b2 = b[2] & 0xff;
        int b3 = b[3] & 0xff;
        if (b0 == 0 && b1 == 0 && (b2 == 0xFE && b3 == 0xFF || b2 == 0 && b3 == 0x3C)) {
            return Optional.of(Charset.forName("UTF-32BE"));
        }
        if ((b0 == 0xFF && b1 == 0xFE || b0 == 0x3C && b1 == 0) && b2 == 0 && b3 == 0) {
            return Optional.of(Charset.forName("UTF-32LE"));
        }
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 == 0x3C) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b0 == 0xFF && b1 == 0xFE || b0 == 0x3C && b1 == 0) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    /** Decodes, dropping a byte-order mark and the now-misleading encoding declaration. */
    static String decodeWide(byte[] body, Charset cs) {
        String s = new String(body, cs);
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        return s.replaceFirst("^(<\\?xml[^>]*?)\\s+encoding\\s*=\\s*[\"'][^\"']*[\"']", "$1");
    }
}
