package org.karaul.export.story;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs (version 5, SHA-1, RFC 9562) so that exporting the same development again gives the same ids.
 *
 * <p>Every id Karaul exports is {@code uuid5(KARAUL, "<kind>:<key>")}, where {@link #KARAUL} is itself
 * {@code uuid5(URL namespace 6ba7b811-9dad-11d1-80b4-00c04fd430c8, "urn:karaul:export")}; the kinds and keys are
 * listed in EXPORT.md (for example {@code report:<development id>}, {@code location:KG}, {@code group:isis}).
 */
public final class Uuids {
    /** The RFC 9562 namespace for URLs. */
    public static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
    /** Karaul's export namespace. */
    public static final UUID KARAUL = v5(URL_NAMESPACE, "urn:karaul:export");

    private Uuids() {
    }

    /** The Karaul id of a named thing, e.g. {@code of("report", "dev-1")}. */
    public static UUID of(String kind, String key) {
        return v5(KARAUL, kind + ":" + key);
    }

    /** A version 5 UUID of a name in a namespace. */
    public static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
        sha1.update(bytes(namespace));
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
        h[8] = (byte) ((h[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (h[i] & 0xff);
            lsb = (lsb << 8) | (h[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    private static byte[] bytes(UUID u) {
        byte[] b = new byte[16];
        long msb = u.getMostSignificantBits();
        long lsb = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (msb >>> (56 - 8 * i));
            b[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return b;
    }
}
