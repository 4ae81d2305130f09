package org.karaul.alerts.publish;

import java.time.Instant;
import java.util.Optional;
import org.karaul.alerts.rules.AlertRule;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.streams.KeyValues;

/**
 * Whether one development record raises an alert, and what the publisher then remembers: the decision itself, apart
 * from Kafka Streams. {@link AlertPublisher} applies it to the developments topic over its state store; the backtest
 * applies it to the developments it regroups, over a map; both as {@link KeyValues} keyed by development id. A development raises {@code opened} the first time it
 * passes its rule and {@code escalated} when its severity rises above the last alerted one, outside the cooldown;
 * a closed development is forgotten.
 */
public final class AlertDecision {
    /**
     * An alert to raise.
     *
     * @param rule the rule the development passed
     * @param type {@code opened} or {@code escalated}
     */
    public record Raise(AlertRule rule, String type) {
    }

    private final AlertRules rules;

    public AlertDecision(AlertRules rules) {
        this.rules = rules;
    }

    /**
     * Decides on one development record (a valid one, with a severity) and updates the memory: the alert to raise,
     * or empty.
     *
     * @param now the time of the decision (wall clock in the stream), for the cooldown
     */
    public Optional<Raise> decide(Development d, Instant now, KeyValues<AlertMemory> memory) {
        if (d.severity() == null) {
            return Optional.empty();
        }
        if (d.status() == DevelopmentStatus.CLOSED) {
            memory.delete(d.id());
            return Optional.empty();
        }
        Optional<AlertRule> rule = rules.match(d);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        AlertMemory before = memory.get(d.id());
        String type = transition(d, rule.get(), before, now);
        if (type == null) {
            return Optional.empty();
        }
        memory.put(d.id(), new AlertMemory(d.severity(), now, before == null ? 1 : before.alerts() + 1));
        return Optional.of(new Raise(rule.get(), type));
    }

    /** {@code opened}, {@code escalated}, or null when this change raises no alert. */
    private static String transition(Development d, AlertRule rule, AlertMemory before, Instant now) {
        if (before == null) {
            return "opened";
        }
        boolean higher = d.severity().compareTo(before.severity()) > 0;
        boolean cooled = !now.isBefore(before.at().plus(rule.cooldown()));
        return higher && rule.realertOnEscalation() && cooled ? "escalated" : null;
    }
}
