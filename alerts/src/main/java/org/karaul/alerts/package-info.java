/** The alerts service: turns classified items into alerts and delivers them to sinks. */
package org.karaul.alerts;
