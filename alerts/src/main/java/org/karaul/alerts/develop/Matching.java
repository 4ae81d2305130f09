package org.karaul.alerts.develop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.GroupingKey;

/**
 * Whether an item reports the same event as an open development, as a score: text similarity (best over the
 * development's latest items) plus bonuses for an exact common category, a common group and closeness in time. Hard
 * conditions come first: within the time window, a common category family, a common country when both name
 * countries, and, when only the family is common (drugs and arms trafficking, say), a high text similarity.
 * {@link CandidateIndex} finds the developments that meet the family and country conditions without a scan.
 */
final class Matching {
    /** Returned when the item cannot join the development at all. */
    static final double NO = -1;

    private Matching() {
    }

    /**
     * What matching needs of an item, worked out once per item rather than once per open development.
     *
     * @param signature  MinHash signature of its title and text
     * @param at         its event time
     * @param categories its category ids
     * @param families   their families ({@link #families})
     * @param countries  its countries
     * @param groups     its groups
     */
    record Probe(int[] signature, Instant at, Set<String> categories, Set<String> families, Set<String> countries,
                 Set<String> groups) {
        static Probe of(ClassifiedItem c, int[] signature) {
            List<String> ids = Merge.categoryIds(c.categories());
            Set<String> families = Matching.families(ids);
            return new Probe(signature, DevelopmentState.eventTime(c), Set.copyOf(ids), families,
                    Set.copyOf(c.countries()), Set.copyOf(c.groups()));
        }
    }

    static double score(DevelopmentState state, Probe item, GroupingRules rules) {
        Development d = state.development();
        if (!withinWindow(d, item.at(), rules.window())) {
            return NO;
        }
        if (!overlap(families(d.categories()), item.families())) {
            return NO;
        }
        if (!d.countries().isEmpty() && !item.countries().isEmpty() && !overlap(Set.copyOf(d.countries()), item.countries())) {
            return NO;
        }
        double text = 0;
        for (int[] s : state.signatures()) {
            text = Math.max(text, Fingerprint.similarity(s, item.signature()));
        }
        if (text < rules.minTextSimilarity()) {
            return NO;
        }
        boolean sameCategory = overlap(Set.copyOf(d.categories()), item.categories());
        if (!sameCategory && text < rules.familyMinTextSimilarity()) {
            return NO;
        }
        double score = text + (sameCategory ? rules.categoryBonus() : 0);
        if (overlap(Set.copyOf(d.groups()), item.groups())) {
            score += rules.groupBonus();
        }
        if (Duration.between(d.lastSeen(), item.at()).abs().compareTo(rules.closeInTime()) <= 0) {
            score += rules.timeBonus();
        }
        return score >= rules.threshold() ? score : NO;
    }

    /** The families of category ids: {@link GroupingKey#family} ({@code border} of {@code border.clash}). */
    static Set<String> families(List<String> categoryIds) {
        return categoryIds.stream().map(GroupingKey::family).collect(Collectors.toSet());
    }

    private static boolean withinWindow(Development d, Instant at, Duration window) {
        return !at.isBefore(d.firstSeen().minus(window)) && !at.isAfter(d.lastSeen().plus(window));
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
