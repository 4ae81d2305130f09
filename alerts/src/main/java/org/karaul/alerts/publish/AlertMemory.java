package org.karaul.alerts.publish;

import java.time.Instant;
import org.karaul.contract.Severity;

/**
 * What the publisher remembers of a development it alerted on: the severity of the latest alert and when.
 *
 * @param severity severity of the latest alert
 * @param at       wall-clock time of the latest alert, for the cooldown
 * @param alerts   alerts raised on it so far
 */
public record AlertMemory(Severity severity, Instant at, int alerts) {
}
