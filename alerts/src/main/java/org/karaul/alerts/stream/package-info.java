/** The alerts service's one Streams application: classified items to developments, alerts and trends in one topology. */
package org.karaul.alerts.stream;
