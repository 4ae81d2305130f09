package org.karaul.alerts.develop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;

/**
 * Whether an item reports the same event as an open development, as a score: text similarity (best over the
 * development's latest items) plus bonuses for an exact common category, a common group and closeness in time. Hard
 * conditions come first: within the time window, a common category family, a common country when both name
 * countries, and, when only the family is common (drugs and arms trafficking, say), a high text similarity.
 */
final class Matching {
    /** Returned when the item cannot join the development at all. */
    static final double NO = -1;

    private Matching() {
    }

    static double score(DevelopmentState state, ClassifiedItem c, int[] signature, GroupingRules rules) {
        Development d = state.development();
        Instant at = DevelopmentState.eventTime(c);
        if (!withinWindow(d, at, rules.window())) {
            return NO;
        }
        List<String> categories = Merge.categoryIds(c.categories());
        if (!overlap(families(d.categories()), families(categories))) {
            return NO;
        }
        if (!d.countries().isEmpty() && !c.countries().isEmpty() && !overlap(Set.copyOf(d.countries()), Set.copyOf(c.countries()))) {
            return NO;
        }
        double text = 0;
        for (int[] s : state.signatures()) {
            text = Math.max(text, Fingerprint.similarity(s, signature));
        }
        if (text < rules.minTextSimilarity()) {
            return NO;
        }
        boolean sameCategory = overlap(Set.copyOf(d.categories()), Set.copyOf(categories));
        if (!sameCategory && text < rules.familyMinTextSimilarity()) {
            return NO;
        }
        double score = text + (sameCategory ? rules.categoryBonus() : 0);
        if (overlap(Set.copyOf(d.groups()), Set.copyOf(c.groups()))) {
            score += rules.groupBonus();
        }
        if (Duration.between(d.lastSeen(), at).abs().compareTo(rules.closeInTime()) <= 0) {
            score += rules.timeBonus();
        }
        return score >= rules.threshold() ? score : NO;
    }

    private static boolean withinWindow(Development d, Instant at, Duration window) {
        return !at.isBefore(d.firstSeen().minus(window)) && !at.isAfter(d.lastSeen().plus(window));
    }

    private static Set<String> families(List<String> categoryIds) {
        return categoryIds.stream().map(id -> id.contains(".") ? id.substring(0, id.indexOf('.')) : id)
                .collect(Collectors.toSet());
    }

    private static boolean overlap(Set<String> a, Set<String> b) {
        for (String x : b) {
            if (a.contains(x)) {
                return true;
            }
        }
        return false;
    }
}
