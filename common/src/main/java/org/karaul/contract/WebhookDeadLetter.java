package org.karaul.contract;

import java.time.Instant;

/**
 * A webhook delivery the receiver rejected permanently (a 4xx other than 408 and 429, or a 3xx), on
 * {@code karaul.webhooks.dlq} keyed by subscription id. Transient failures are retried, never dead-lettered.
 *
 * @param subscriptionId the subscription
 * @param deliveryId     the delivery id sent in the header of every attempt
 * @param url            the URL it was POSTed to
 * @param attempts       attempts made for this alert (earlier ones failed transiently)
 * @param reason         the rejection: HTTP status and the start of the body (for a redirect, its Location)
 * @param event          the event that was not delivered
 * @param failedAt       when it was rejected
 * @param status         the HTTP status code of the rejection (null in dead letters written before it was recorded)
 * @param kind           {@link #KIND_REJECTED} (a 4xx) or {@link #KIND_REDIRECT} (a 3xx, never followed); null in
 *                       dead letters written before it was recorded
 */
public record WebhookDeadLetter(String subscriptionId, String deliveryId, String url, int attempts, String reason,
                                AlertEvent event, Instant failedAt, Integer status, String kind) {
    /** The receiver answered a 4xx other than 408 and 429. */
    public static final String KIND_REJECTED = "rejected";
    /** The receiver answered a redirect, which is not followed. */
    public static final String KIND_REDIRECT = "redirect";

    /** A dead letter without status and kind, as written before they were recorded. */
    public WebhookDeadLetter(String subscriptionId, String deliveryId, String url, int attempts, String reason,
                             AlertEvent event, Instant failedAt) {
        this(subscriptionId, deliveryId, url, attempts, reason, event, failedAt, null, null);
    }
}
