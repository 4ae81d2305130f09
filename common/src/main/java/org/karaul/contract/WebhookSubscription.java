package org.karaul.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A webhook subscription, kept on the compacted {@code karaul.webhooks.subscriptions} topic keyed by its id
 * (a tombstone deletes it). The secret signs every delivery. On the topic it is sealed ({@code sealedSecret}: AES-GCM
 * under a key of the alerts service's configuration) and {@code secret} is absent; in memory the alerts service holds
 * the opened form ({@code secret} set, {@code sealedSecret} null). Records written before sealing carry the secret in
 * clear; the alerts service re-writes them sealed at start-up.
 *
 * @param id           subscription id
 * @param url          where alerts are POSTed
 * @param secret       HMAC-SHA256 key for the signature header, or null when only the sealed form is known
 * @param categories   category ids or families ({@code terrorism}); empty = all
 * @param countries    ISO alpha-2 codes; empty = all
 * @param minSeverity  alerts below it are not sent
 * @param createdAt    when it was created
 * @param sealedSecret the secret sealed: {@code v1:KEYID:BASE64URL(nonce, ciphertext and tag)}, or null
 */
public record WebhookSubscription(String id, String url, String secret, List<String> categories, List<String> countries,
                                  Severity minSeverity, Instant createdAt, String sealedSecret) {
    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        if (secret == null && sealedSecret == null) {
            throw new IllegalArgumentException("subscription " + id + " has neither a secret nor a sealed secret");
        }
        categories = categories == null ? List.of() : List.copyOf(categories);
        countries = countries == null ? List.of() : List.copyOf(countries);
        minSeverity = minSeverity == null ? Severity.INFO : minSeverity;
    }

    /** A subscription with its secret in clear (as the alerts service holds it in memory). */
    public WebhookSubscription(String id, String url, String secret, List<String> categories, List<String> countries,
                               Severity minSeverity, Instant createdAt) {
        this(id, url, Objects.requireNonNull(secret, "secret"), categories, countries, minSeverity, createdAt, null);
    }

    /** This subscription as written to the topic: the sealed secret only. */
    public WebhookSubscription sealed(String sealed) {
        return new WebhookSubscription(id, url, null, categories, countries, minSeverity, createdAt,
                Objects.requireNonNull(sealed, "sealed"));
    }

    /** This subscription with its secret opened (and no sealed form). */
    public WebhookSubscription opened(String clear) {
        return new WebhookSubscription(id, url, Objects.requireNonNull(clear, "clear"), categories, countries, minSeverity,
                createdAt, null);
    }

    /** Never shows the secret, so a subscription in a log line or an exception gives nothing away. */
    @Override
    public String toString() {
        return "WebhookSubscription[id=" + id + ", url=" + url + ", secret=" + (secret == null ? "none" : "(hidden)")
                + ", categories=" + categories + ", countries=" + countries + ", minSeverity=" + minSeverity
                + ", createdAt=" + createdAt + ", sealedSecret=" + (sealedSecret == null ? "none" : "(sealed)") + "]";
    }
}
