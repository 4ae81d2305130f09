package org.karaul.alerts.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a webhook secret for the topic and opens it again: AES-GCM with a random 96-bit nonce and a 128-bit tag,
 * the subscription id as associated data (a sealed secret copied onto another subscription does not open). The
 * sealed form is {@code v1:KEYID:BASE64URL(nonce, ciphertext and tag)}: the version and the key id say how to open
 * it, so keys can rotate (a new key first, the old ones after it).
 */
public final class SecretSealer {
    /** The format version written. */
    public static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeys keys;

    public SecretSealer(SecretKeys keys) {
        this.keys = keys;
    }

    /** A secret that cannot be opened, with the reason (never the key or the secret). */
    public static final class SealException extends Exception {
        private static final long serialVersionUID = 1L;

        SealException(String message) {
            super(message);
        }
    }

    public String seal(String subscriptionId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.key(keys.primary()), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(subscriptionId));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + keys.primary() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable to seal the secret of subscription " + subscriptionId, e);
        }
    }

    public String open(String subscriptionId, String sealed) throws SealException {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new SealException("not a sealed secret of version " + VERSION);
        }
        SecretKey key = keys.key(parts[1]);
        if (key == null) {
            throw new SealException("sealed with key '" + parts[1] + "', which is not among the configured keys " + keys.ids());
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SealException("the sealed secret is not base64url");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealException("the sealed secret is too short");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            c.updateAAD(aad(subscriptionId));
            return new String(c.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealException("the sealed secret does not open with key '" + parts[1]
                    + "' (a different key under that id, or altered, or sealed for another subscription)");
        } catch (GeneralSecurityException e) {
            throw new SealException("cannot open the sealed secret: " + e.getClass().getSimpleName());
        }
    }

    /** Whether a sealed secret is sealed with the current (first) key; older ones are re-sealed at start-up. */
    public boolean current(String sealed) {
        return sealed.startsWith(VERSION + ":" + keys.primary() + ":");
    }

    public String primary() {
        return keys.primary();
    }

    private static byte[] aad(String subscriptionId) {
        return ("karaul.webhook.secret|" + subscriptionId).getBytes(StandardCharsets.UTF_8);
    }
}
