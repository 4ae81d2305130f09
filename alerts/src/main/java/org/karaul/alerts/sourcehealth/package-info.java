/**
 * Source-health alerts for operators (opt-in): a crawled source that turns silent or broken, and its recovery, as
 * CloudEvents of their own type on {@code karaul.sources.alerts}, raised once per change of state.
 */
package org.karaul.alerts.sourcehealth;
