/** Where alerts go once published: the console and a directory of STIX bundles (webhooks and the desk page have their own packages). */
package org.karaul.alerts.sink;
