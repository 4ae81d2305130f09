/** Where alerts go once published: the console, and later webhooks and the desk page. */
package org.karaul.alerts.sink;
