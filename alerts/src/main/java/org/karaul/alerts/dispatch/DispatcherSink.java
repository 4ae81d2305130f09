package org.karaul.alerts.dispatch;

import org.karaul.contract.Alert;

/**
 * An output fed by the {@link AlertDispatcher}: every sink of a dispatcher shares its one consumer group, so each
 * sink sees every committed alert once, in topic order, and a failing sink holds the others back until it takes the
 * alert. That suits outputs in this process (the console, a directory of STIX bundles). The other readers of
 * {@code karaul.alerts} are not sinks, because they need positions of their own: each webhook subscription is a
 * consumer group with its own retries and dead letters ({@code org.karaul.alerts.webhook}), and the desk page follows
 * the topic with no group at all, reading the latest alerts again at each start ({@code org.karaul.alerts.desk}).
 */
public interface DispatcherSink {

    /** Short id used in metric tags and logs, e.g. {@code console}. */
    String id();

    /**
     * Delivers one alert. Throwing makes the dispatcher retry the same alert (so nothing is dropped).
     */
    void deliver(Alert alert) throws Exception;
}
