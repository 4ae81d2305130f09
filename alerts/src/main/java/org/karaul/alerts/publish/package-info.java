/** The alert publisher: development transitions in, CloudEvent alerts out on {@code karaul.alerts}. */
package org.karaul.alerts.publish;
