/**
 * The alerts service's one Streams application: classified items to developments, alerts and trends in one topology,
 * and where it starts reading on a deployment upgraded from the processor's own developments application.
 */
package org.karaul.alerts.stream;
