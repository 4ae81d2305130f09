package org.karaul.ingest.extract;

import org.mozilla.universalchardet.UniversalDetector;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text for HTML: byte-order mark, then the HTTP header charset, then the meta tag, then detection
 * (juniversalchardet). A declared charset is distrusted when the bytes contradict it (a page said windows-1251
 * or UTF-8 but the bytes are something else).
 */
public final class HtmlDecoder {
    private static final Pattern META = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");

    private HtmlDecoder() {
    }

    public static String decode(byte[] bytes, String headerCharset) {
        return new String(stripBom(bytes), charsetFor(bytes, headerCharset));
    }

    /** The charset the bytes will be read with. */
    public static Charset charsetFor(byte[] bytes, String headerCharset) {
        Optional<Charset> bom = bomCharset(bytes);
        if (bom.isPresent()) {
            return bom.get();
        }
        boolean utf8 = validUtf8(bytes);
        Optional<Charset> declared = lookup(headerCharset).or(() -> metaCharset(bytes));
        if (declared.isPresent()) {
            Charset cs = declared.get();
            if (cs.equals(StandardCharsets.UTF_8) ? utf8 : !(utf8 && hasHighBytes(bytes))) {
                return cs;
            }
        }
        if (utf8) {
            return StandardCharsets.UTF_8;
        }
        return detect(bytes).orElse(Charset.forName("windows-1252"));
    }

    static Optional<Charset> detect(byte[] bytes) {
        UniversalDetector d = new UniversalDetector();
        d.handleData(bytes, 0, bytes.length);
        d.dataEnd();
        return lookup(d.getDetectedCharset());
    }

    private static Optional<Charset> metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(head);
        return m.find() ? lookup(m.group(1)) : Optional.empty();
    }

    static Optional<Charset> lookup(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
            n = "windows-1252"; // what browsers do (WHATWG Encoding)
        }
        try {
            return Optional.of(Charset.forName(n));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static byte[] stripBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return java.util.Arrays.copyOfRange(b, 3, b.length);
        }
        if (b.length >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF
                || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)) {
            return java.util.Arrays.copyOfRange(b, 2, b.length);
        }
        return b;
    }

    static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasHighBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}
