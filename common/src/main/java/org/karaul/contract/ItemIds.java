package org.karaul.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Item ids: every service derives the key of a URL the same way. */
public final class ItemIds {
    private ItemIds() {
    }

    /** First 16 bytes of SHA-256 of the canonical URL, as 32 hex digits. */
    public static String forUrl(String canonicalUrl) {
        return sha256Hex(canonicalUrl).substring(0, 32);
    }

    /** Full SHA-256 of a string, as hex. */
    public static String sha256Hex(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
