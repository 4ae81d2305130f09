/** The alerts service's HTTP face: the webhook API and the live desk page. */
package org.karaul.alerts.http;
