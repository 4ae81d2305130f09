/**
 * Each alert rule's and category's precision as analysts judged it: the triage marks on {@code karaul.feedback}
 * joined to the alerts on {@code karaul.alerts} ({@link org.karaul.alerts.precision.RulePrecision}), printed by
 * {@code karaul rules report} ({@code org.karaul.alerts.RulesCommand}). Nothing here changes a rule.
 */
package org.karaul.alerts.precision;
