package org.karaul.alerts.webhook;

import java.time.Instant;
import java.util.Locale;

/**
 * Where one subscription's deliveries stand, for {@code /health} and the gauges.
 *
 * @param state     see {@link State}
 * @param since     when the current retrying (or failing) began, or when the worker died; null when delivering
 * @param failures  failed attempts of the alert held on (0 when delivering)
 * @param lastError the latest failure, or null
 * @param lag       alerts not yet delivered, as of the worker's latest poll
 * @param restarts  how often the worker thread was restarted after dying
 */
public record SubscriptionStatus(State state, Instant since, int failures, String lastError, long lag, int restarts) {

    /** The states a subscription can be in; the lower-case name is the {@code state} tag of the gauge. */
    public enum State {
        /** Delivering, nothing held. */
        DELIVERING,
        /** Holding an alert through transient failures, younger than {@code alerts.webhooks.retry.max.age}. */
        RETRYING,
        /** Holding an alert for longer than {@code alerts.webhooks.retry.max.age}; still retrying, nothing dropped. */
        FAILING,
        /** The worker thread died; it is restarted after a backoff. */
        RESTARTING;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One line for a human. */
    String describe(String id) {
        StringBuilder b = new StringBuilder(id).append(' ').append(state.tag());
        if (since != null) {
            b.append(" since ").append(since);
        }
        if (failures > 0) {
            b.append(" (").append(failures).append(" failed attempts)");
        }
        if (lastError != null) {
            b.append(", last error: ").append(lastError);
        }
        b.append(", lag ").append(lag);
        if (restarts > 0) {
            b.append(", restarted ").append(restarts).append('x');
        }
        return b.toString();
    }
}
