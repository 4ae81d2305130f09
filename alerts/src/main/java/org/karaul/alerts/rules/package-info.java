/** Alert rules as data: which development transitions become alerts (severity, corroboration, cooldown, overrides). */
package org.karaul.alerts.rules;
