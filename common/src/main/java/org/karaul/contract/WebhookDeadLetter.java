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
 * @param reason         the rejection: HTTP status and the start of the body
 * @param event          the event that was not delivered
 * @param failedAt       when it was rejected
 */
public record WebhookDeadLetter(String subscriptionId, String deliveryId, String url, int attempts, String reason,
                                AlertEvent event, Instant failedAt) {
}
