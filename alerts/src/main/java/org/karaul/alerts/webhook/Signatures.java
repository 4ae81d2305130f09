package org.karaul.alerts.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures: {@code X-Karaul-Signature: sha256=HEX}, the HMAC-SHA256 with the subscription's secret over
 * the delivery id, a dot, and the exact body bytes. A receiver recomputes it and compares in constant time.
 */
public final class Signatures {
    public static final String SIGNATURE_HEADER = "X-Karaul-Signature";
    public static final String DELIVERY_HEADER = "X-Karaul-Delivery";

    private Signatures() {
    }

    /** {@code sha256=} and the hex HMAC of {@code deliveryId + "." + body}. */
    public static String sign(String secret, String deliveryId, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(deliveryId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether a signature header is right for this delivery, compared in constant time. */
    public static boolean verify(String secret, String deliveryId, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(sign(secret, deliveryId, body).getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }
}
