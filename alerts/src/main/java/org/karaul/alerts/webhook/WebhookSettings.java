package org.karaul.alerts.webhook;

import java.time.Duration;
import java.util.List;
import org.karaul.alerts.secrets.SecretKeys;
import org.karaul.alerts.secrets.SecretSealer;

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
 * @param secretKeys     the keys that seal the subscriptions' secrets on their topic (null: none, for parts that
 *                       never read that topic)
 */
public record WebhookSettings(String token, List<String> allow, Duration retryMaxAge, Duration backoffInitial,
                              Duration backoffMax, Duration timeout, String groupPrefix, SecretKeys.Source secretKeys) {
    public WebhookSettings {
        allow = List.copyOf(allow);
    }

    /** Without secret keys: for the parts that deliver but never read the subscriptions topic. */
    public WebhookSettings(String token, List<String> allow, Duration retryMaxAge, Duration backoffInitial,
                           Duration backoffMax, Duration timeout, String groupPrefix) {
        this(token, allow, retryMaxAge, backoffInitial, backoffMax, timeout, groupPrefix, null);
    }

    /** The sealer of the subscriptions' secrets (loading or generating the key file). */
    public SecretSealer sealer() {
        if (secretKeys == null) {
            throw new IllegalStateException("no webhook secret keys configured (alerts.webhooks.secret.keys)");
        }
        return new SecretSealer(secretKeys.load());
    }

    /** The wait before attempt {@code failures + 1}: the initial backoff doubled per earlier failure, capped. */
    Duration backoff(int failures) {
        long initial = Math.max(1, backoffInitial.toMillis());
        int shift = Math.min(Math.max(0, failures - 1), 30);
        return Duration.ofMillis(Math.min(backoffMax.toMillis(), initial << shift));
    }
}
