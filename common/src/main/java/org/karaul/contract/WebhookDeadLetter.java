package org.karaul.contract;

import java.time.Instant;

/**
 * A webhook delivery given up after the configured attempts, on {@code karaul.webhooks.dlq} keyed by subscription id.
 *
 * @param subscriptionId the subscription
 * @param deliveryId     the delivery id sent in the header of every attempt
 * @param url            the URL it was POSTed to
 * @param attempts       attempts made
 * @param reason         the last failure: HTTP status and body start, or the exception
 * @param event          the event that was not delivered
 * @param failedAt       when it was given up
 */
public record WebhookDeadLetter(String subscriptionId, String deliveryId, String url, int attempts, String reason,
                                AlertEvent event, Instant failedAt) {
}
