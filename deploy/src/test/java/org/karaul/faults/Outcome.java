package org.karaul.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.karaul.contract.RawItem;

/**
 * The counts of one run, checked against the run without faults: items in against items classified (lost,
 * duplicated), alerts against the reference's for the same input (missing, unexpected, differing, duplicated, one
 * id naming two alerts), webhook deliveries against the alerts topic (in order, signed), and dead letters.
 */
final class Outcome {
    final String scenario;
    int itemsIn;
    int classifiedRecords;
    int lost;
    int duplicated;
    int alertsExpected;
    int alertRecords;
    int alertsMissing;
    int alertsUnexpected;
    int alertsDiffering;
    int alertsDuplicated;
    int idCollisions;
    int delivered;
    boolean deliveredInOrder;
    int redeliveries;
    int badSignatures;
    Map<String, Long> deadLetters = new LinkedHashMap<>();
    long webhookDeadLetters;
    final List<String> problems = new ArrayList<>();

    Outcome(String scenario) {
        this.scenario = scenario;
    }

    /** Compares what the watch and receiver saw with the items fed and the reference's alerts. */
    static Outcome of(String scenario, Feed feed, Watch watch, WebhookReceiver receiver, Map<String, AlertView> reference) {
        Outcome o = new Outcome(scenario);
        List<RawItem> sent = feed.sent();
        o.itemsIn = sent.size();
        Map<String, Integer> classified = watch.classified();
        o.classifiedRecords = watch.classifiedRecords();
        for (RawItem item : sent) {
            int n = classified.getOrDefault(item.id(), 0);
            if (n == 0) {
                o.lost++;
            } else {
                o.duplicated += n - 1;
            }
        }
        Set<String> ours = sent.stream().map(RawItem::id).collect(Collectors.toSet());
        long strangers = classified.keySet().stream().filter(id -> !ours.contains(id)).count();
        if (strangers > 0) {
            o.problems.add(strangers + " classified items that were never fed");
        }

        Map<String, AlertView> expected = new HashMap<>();
        reference.forEach((k, v) -> {
            if (v.lastItem() < o.itemsIn) {
                expected.put(k, v);
            }
        });
        o.alertsExpected = expected.size();
        Map<String, AlertView> seen = new HashMap<>();
        Map<String, String> keyOfId = new HashMap<>();
        List<String> topicOrder = new ArrayList<>();
        for (Watch.Seen s : watch.alerts()) {
            o.alertRecords++;
            AlertView v = AlertView.of(s.event().data(), feed);
            String before = keyOfId.putIfAbsent(s.event().id(), v.key() + " " + v.content());
            if (before != null && !before.equals(v.key() + " " + v.content())) {
                o.idCollisions++;
            }
            if (seen.putIfAbsent(v.key(), v) != null) {
                o.alertsDuplicated++;
            }
            topicOrder.add(s.event().id());
        }
        for (Map.Entry<String, AlertView> e : expected.entrySet()) {
            AlertView got = seen.get(e.getKey());
            if (got == null) {
                o.alertsMissing++;
                o.problems.add("missing alert " + e.getKey() + " " + e.getValue().content());
            } else if (!got.content().equals(e.getValue().content())) {
                o.alertsDiffering++;
                o.problems.add("alert " + e.getKey() + " differs: expected " + e.getValue().content() + ", got " + got.content());
            }
        }
        for (String k : seen.keySet()) {
            if (!expected.containsKey(k)) {
                o.alertsUnexpected++;
                o.problems.add("unexpected alert " + k + " " + seen.get(k).content());
            }
        }
        List<String> distinctOrder = new ArrayList<>(new LinkedHashSet<>(topicOrder));
        List<String> got = receiver.alertIds();
        o.delivered = got.size();
        o.deliveredInOrder = got.equals(distinctOrder);
        o.redeliveries = receiver.redeliveries();
        o.badSignatures = receiver.badSignatures();
        return o;
    }

    /** Whether every count is as a run without faults has it. */
    boolean clean() {
        return lost == 0 && duplicated == 0 && alertsMissing == 0 && alertsUnexpected == 0 && alertsDiffering == 0
                && alertsDuplicated == 0 && idCollisions == 0 && deliveredInOrder && badSignatures == 0
                && webhookDeadLetters == 0 && problems.isEmpty();
    }

    String summary() {
        return String.format(java.util.Locale.ROOT, "items in %d, classified records %d, lost %d, duplicated %d; alerts"
                        + " expected %d, alert records %d, missing %d, unexpected %d, differing %d, duplicated %d, id collisions"
                        + " %d; webhook delivered %d in order %s (redeliveries %d, bad signatures %d, webhook dead letters %d);"
                        + " dead letters %s", itemsIn, classifiedRecords, lost, duplicated, alertsExpected, alertRecords,
                alertsMissing, alertsUnexpected, alertsDiffering, alertsDuplicated, idCollisions, delivered,
                deliveredInOrder ? "yes" : "NO", redeliveries, badSignatures, webhookDeadLetters, deadLetters);
    }

    static String describe(Duration d) {
        return d.toMillis() + " ms";
    }
}
