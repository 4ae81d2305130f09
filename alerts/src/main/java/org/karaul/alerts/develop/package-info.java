/** Developments: groups classified items that report the same event, across outlets and languages, into one evolving record. */
package org.karaul.alerts.develop;
