/**
 * Trends for the desk: items and developments per category × country in hourly windows, counted by the alerts
 * stream from development transitions and read back for the last 24 hours, 7 days or 30 days.
 */
package org.karaul.alerts.trends;
