package org.karaul.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A webhook subscription, kept on the compacted {@code karaul.webhooks.subscriptions} topic keyed by its id
 * (a tombstone deletes it). The secret signs every delivery; the topic must be readable by the alerts service only.
 *
 * @param id          subscription id
 * @param url         where alerts are POSTed
 * @param secret      HMAC-SHA256 key for the signature header
 * @param categories  category ids or families ({@code terrorism}); empty = all
 * @param countries   ISO alpha-2 codes; empty = all
 * @param minSeverity alerts below it are not sent
 * @param createdAt   when it was created
 */
public record WebhookSubscription(String id, String url, String secret, List<String> categories, List<String> countries,
                                  Severity minSeverity, Instant createdAt) {
    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        categories = categories == null ? List.of() : List.copyOf(categories);
        countries = countries == null ? List.of() : List.copyOf(countries);
        minSeverity = minSeverity == null ? Severity.INFO : minSeverity;
    }
}
