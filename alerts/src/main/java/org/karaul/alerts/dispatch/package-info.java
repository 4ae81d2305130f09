/**
 * The alert dispatcher and its sinks: one read_committed consumer group on {@code karaul.alerts} handing every alert to
 * the console and the STIX drop directory ({@link org.karaul.alerts.dispatch.DispatcherSink} says why webhooks and
 * the desk page read the topic on their own).
 */
package org.karaul.alerts.dispatch;
