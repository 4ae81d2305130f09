package org.karaul.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.karaul.alerts.publish.AlertDecision;
import org.karaul.alerts.publish.AlertMemory;
import org.karaul.alerts.publish.Alerts;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.RawItem;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.GroupingKey;
import org.karaul.contract.kafka.Topics;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifier;
import org.karaul.alerts.develop.Grouping;
import org.karaul.alerts.develop.GroupingRules;
import org.karaul.streams.KeyValues;

/**
 * Runs one configuration over the items, offline and in item-time order, through the pipeline's own pieces: the
 * classify stage's labelling ({@link Classification#label}), the grouping step ({@link Grouping}) and the alert
 * decision ({@link AlertDecision}). The clock the stream would read is the item's time: each item is classified,
 * grouped and alerted on at its own time, and quiet developments are looked for whenever item time passes another
 * punctuation interval, as the stream's wall-clock punctuation would.
 */
final class Replay {
    private final Classifier classifier;
    private final GroupingRules grouping;
    private final AlertRules alertRules;
    private final Duration punctuateEvery;

    Replay(Classifier classifier, GroupingRules grouping, AlertRules alertRules, Duration punctuateEvery) {
        this.classifier = classifier;
        this.grouping = grouping;
        this.alertRules = alertRules;
        this.punctuateEvery = punctuateEvery;
    }

    /**
     * Replays {@code items} (sorted by {@link RawItems#timeOf}) and returns what they made. Items are grouped per
     * partition of their {@link GroupingKey}, as the alerts stream groups them, one task per partition.
     */
    Run run(List<Positioned> items) {
        List<Grouping> partitions = new ArrayList<>();
        for (int i = 0; i < Topics.ITEMS_CLASSIFIED.partitions(); i++) {
            partitions.add(Grouping.inMemory(grouping));
        }
        AlertDecision decision = new AlertDecision(alertRules);
        KeyValues<AlertMemory> memory = KeyValues.inMemory();
        Map<String, ClassifiedItem> labelled = new LinkedHashMap<>();
        Map<String, Development> developments = new LinkedHashMap<>();
        List<AlertEvent> alerts = new ArrayList<>();
        long[] sequence = {0};
        Instant nextTick = null;
        for (Positioned p : items) {
            Instant now = RawItems.timeOf(p.item());
            if (nextTick == null) {
                nextTick = now.plus(punctuateEvery);
            } else if (!now.isBefore(nextTick)) {
                Instant tick = now;
                partitions.forEach(groups -> groups.closeQuiet(tick)
                        .forEach(d -> record(d, tick, decision, memory, developments, alerts, sequence)));
                nextTick = now.plus(punctuateEvery);
            }
            ClassifiedItem c = Classification.label(classifier, p.item(), p.origin(), now);
            labelled.put(p.item().id(), c);
            Grouping groups = partitions.get(GroupingKey.partition(c, partitions.size()));
            Grouping.Placement placed = groups.place(c, now);
            if (placed != null) {
                groups.keep(placed).forEach(d -> record(d, now, decision, memory, developments, alerts, sequence));
            }
        }
        return new Run(labelled, developments, alerts);
    }

    private static void record(Development d, Instant now, AlertDecision decision, KeyValues<AlertMemory> memory,
                               Map<String, Development> developments, List<AlertEvent> alerts, long[] sequence) {
        long offset = sequence[0]++;
        developments.put(d.id(), d);
        Optional<AlertDecision.Raise> raise = decision.decide(d, now, memory);
        raise.ifPresent(r -> alerts.add(AlertEvent.of(Alerts.of(d, r.type(), r.rule(), now, 0, offset))));
    }

    /**
     * A raw item and where it was read.
     *
     * @param item   the item
     * @param origin topic, partition and offset, or null for an item from a file
     */
    record Positioned(RawItem item, SourceOffset origin) {
    }
}
