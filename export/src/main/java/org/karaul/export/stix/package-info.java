/**
 * Stories as STIX 2.1: a {@code report} per development with its {@code location}s, {@code intrusion-set}s,
 * {@code relationship}s and an evidence {@code note}, in one {@code bundle}. No {@code indicator}: news text
 * carries no observable (see EXPORT.md).
 */
package org.karaul.export.stix;
