package org.karaul.alerts.webhook;

import java.time.Duration;
import java.util.List;

/**
 * How webhooks are delivered (keys {@code alerts.webhooks.*} in {@code alerts-defaults.properties}).
 *
 * @param token          bearer token the API requires; null disables the API
 * @param allow          address ranges a webhook URL may resolve to although they are internal
 * @param maxAttempts    attempts per alert before it goes to the dead-letter topic
 * @param backoffInitial wait after the first failure; doubles each time
 * @param backoffMax     longest wait between attempts
 * @param timeout        connect and response timeout of one POST
 * @param groupPrefix    consumer group of a subscription: this prefix and its id
 */
public record WebhookSettings(String token, List<String> allow, int maxAttempts, Duration backoffInitial,
                              Duration backoffMax, Duration timeout, String groupPrefix) {
    public WebhookSettings {
        allow = List.copyOf(allow);
    }
}
