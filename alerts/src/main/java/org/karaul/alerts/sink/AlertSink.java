package org.karaul.alerts.sink;

import org.karaul.contract.Alert;

/** Receives each published alert once per dispatcher group, in topic order. */
public interface AlertSink {

    /** Short id used in metric tags and logs, e.g. {@code console}. */
    String id();

    /**
     * Delivers one alert. Throwing makes the dispatcher retry the same alert (so nothing is dropped).
     */
    void deliver(Alert alert) throws Exception;
}
