package org.karaul.alerts.secrets;

/** A fixed key for tests that seal webhook secrets (never used outside tests). */
public final class TestKeys {
    /** One 256-bit key with the id {@code test-1}. */
    public static final String INLINE = "test-1:ZmFrZS10ZXN0LWtleS1mb3Ita2FyYXVsLXRlc3RzLTE=";

    private TestKeys() {
    }

    public static SecretKeys.Source source() {
        return new SecretKeys.Source(SecretKeys.parse(INLINE), null);
    }

    public static SecretSealer sealer() {
        return new SecretSealer(SecretKeys.parse(INLINE));
    }
}
