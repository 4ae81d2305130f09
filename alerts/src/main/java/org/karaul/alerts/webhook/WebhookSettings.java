package org.karaul.alerts.webhook;

import java.time.Duration;
import java.util.List;

/**
 * How webhooks are delivered (keys {@code alerts.webhooks.*} in {@code alerts-defaults.properties}).
 *
 * @param token          bearer token the API requires; null disables the API
 * @param allow          address ranges a webhook URL may resolve to although they are internal
 * @param retryMaxAge    how long a subscription retries one alert through a transient failure before it is marked
 *                       failing (it keeps its position and goes on retrying at {@code backoffMax})
 * @param backoffInitial wait after the first failure; doubles each time (also the first wait before a dead worker
 *                       is restarted)
 * @param backoffMax     longest wait between attempts (and between restarts of a dead worker)
 * @param timeout        connect and response timeout of one POST
 * @param groupPrefix    consumer group of a subscription: this prefix and its id
 */
public record WebhookSettings(String token, List<String> allow, Duration retryMaxAge, Duration backoffInitial,
                              Duration backoffMax, Duration timeout, String groupPrefix) {
    public WebhookSettings {
        allow = List.copyOf(allow);
    }

    /** The wait before attempt {@code failures + 1}: the initial backoff doubled per earlier failure, capped. */
    Duration backoff(int failures) {
        long initial = Math.max(1, backoffInitial.toMillis());
        int shift = Math.min(Math.max(0, failures - 1), 30);
        return Duration.ofMillis(Math.min(backoffMax.toMillis(), initial << shift));
    }
}
