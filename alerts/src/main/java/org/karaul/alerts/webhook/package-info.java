/** Webhooks: subscriptions on a compacted topic, one consumer group and thread per subscription, signed CloudEvent POSTs. */
package org.karaul.alerts.webhook;
