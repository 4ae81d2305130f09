package org.karaul.alerts.develop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceRef;
import org.karaul.contract.Spike;
import org.karaul.contract.TimelineEntry;
import org.karaul.contract.kafka.GroupingKey;

/**
 * Counts new stories (developments opened) per category × country in event-time windows against a rolling
 * baseline of earlier windows. A window whose count is at least {@code minCount}, {@code ratio} times the baseline
 * mean and {@code zScore} standard deviations (at least 1) above it raises a spike, itself a development, which
 * carries the observed and expected counts and the contributing stories; it is updated while the window fills and
 * closed when the next window starts. Stories for an already finished window are not counted.
 *
 * <p>A story is counted under the categories of its own grouping key only ({@link GroupingKey}: the cluster of the
 * leading category family of the item that opened it), so each category's counts live in the one partition its key
 * is grouped in and a spike's id is made in one task. A story led by {@code terrorism.attack} that is also labelled
 * {@code unrest.mass_protest} counts for {@code terrorism.attack} and not for {@code unrest.mass_protest}.
 */
final class SpikeDetector {
    private static final int MAX_STORIES = 50;

    private final SpikeRules rules;
    private final GroupingRules grouping;
    private final Grouping.Store<SpikeState> store;

    SpikeDetector(GroupingRules grouping, Grouping.Store<SpikeState> store) {
        this.rules = grouping.spikes();
        this.grouping = grouping;
        this.store = store;
    }

    /** Counts a development just opened by {@code c}; returns spike developments to publish. */
    List<Development> opened(Development d, ClassifiedItem c) {
        List<Development> out = new ArrayList<>();
        Instant start = windowStart(d.firstSeen());
        TimelineEntry story = d.timeline().get(0);
        String ownKey = GroupingKey.of(c);
        for (String category : d.categories()) {
            if (!GroupingKey.ofCategory(category).equals(ownKey)) {
                continue;
            }
            for (String country : d.countries()) {
                String key = category + "|" + country;
                SpikeState s = store.get(key);
                if (s == null) {
                    s = new SpikeState(start, List.of(), List.of(), List.of(), 0, List.of(), null);
                } else if (start.isBefore(s.windowStart())) {
                    continue;
                } else if (start.isAfter(s.windowStart())) {
                    if (s.spike() != null) {
                        out.add(withStatus(s.spike(), DevelopmentStatus.CLOSED));
                    }
                    s = roll(s, start);
                }
                s = add(s, story, d, c);
                Development spike = evaluate(s, category, country, d.taxonomyVersion());
                if (spike != null) {
                    out.add(spike);
                    s = new SpikeState(s.windowStart(), s.stories(), s.sources(), s.origins(), s.count(), s.history(), spike);
                }
                store.put(key, s);
            }
        }
        return out;
    }

    private Instant windowStart(Instant at) {
        long width = rules.window().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), width) * width);
    }

    private SpikeState roll(SpikeState s, Instant start) {
        List<Integer> history = new ArrayList<>(s.history());
        history.add(s.count());
        long skipped = Duration.between(s.windowStart(), start).toMillis() / rules.window().toMillis() - 1;
        for (long i = 0; i < Math.min(skipped, rules.baseline()); i++) {
            history.add(0);
        }
        return new SpikeState(start, List.of(), List.of(), List.of(), 0, Merge.tail(history, rules.baseline()), null);
    }

    private SpikeState add(SpikeState s, TimelineEntry story, Development d, ClassifiedItem c) {
        List<TimelineEntry> stories = new ArrayList<>(s.stories());
        stories.add(story);
        List<SourceRef> sources = Merge.addSource(s.sources(), c.item());
        List<org.karaul.contract.SourceOffset> origins = new ArrayList<>(s.origins());
        origins.addAll(d.origins());
        return new SpikeState(s.windowStart(), Merge.tail(stories, MAX_STORIES), sources, Merge.tail(origins, MAX_STORIES),
                s.count() + 1, s.history(), s.spike());
    }

    /** The spike development for the current window, or null when the count is not a spike (yet). */
    private Development evaluate(SpikeState s, String category, String country, String taxonomyVersion) {
        if (s.history().size() < rules.minBaseline() || s.count() < rules.minCount()) {
            return null;
        }
        double mean = s.history().stream().mapToInt(Integer::intValue).average().orElse(0);
        double variance = s.history().stream().mapToDouble(n -> (n - mean) * (n - mean)).average().orElse(0);
        double z = (s.count() - mean) / Math.max(1.0, Math.sqrt(variance));
        if (s.count() < rules.ratio() * mean || z < rules.zScore()) {
            return null;
        }
        Instant end = s.windowStart().plus(rules.window());
        Spike spike = new Spike(category, country, s.windowStart(), end, s.count(), mean, z);
        Severity severity = s.stories().stream().map(TimelineEntry::severity).filter(x -> x != null)
                .reduce(Severity.INFO, Merge::max);
        String title = String.format(Locale.ROOT, "Spike: %d new %s stories in %s (expected %.1f per %s)", s.count(),
                category, country, mean, rules.window().toString().substring(2).toLowerCase(Locale.ROOT));
        String lead = String.join("; ", s.stories().stream().map(TimelineEntry::title).limit(5).toList());
        String id = s.spike() != null ? s.spike().id()
                : "spike-" + category + "-" + country + "-" + s.windowStart().getEpochSecond();
        return new Development(id, s.spike() == null ? DevelopmentStatus.OPENED : DevelopmentStatus.UPDATED, title, severity,
                List.of(category), List.of(country), List.of(), List.of(),
                s.stories().stream().map(TimelineEntry::at).min(Instant::compareTo).orElse(s.windowStart()),
                s.stories().stream().map(TimelineEntry::at).max(Instant::compareTo).orElse(end), s.count(), s.sources(),
                Merge.independent(s.sources(), grouping), List.of(), s.origins(), taxonomyVersion, lead, s.stories(), spike);
    }

    private static Development withStatus(Development d, DevelopmentStatus status) {
        return new Development(d.id(), status, d.title(), d.severity(), d.categories(), d.countries(), d.groups(), d.places(),
                d.firstSeen(), d.lastSeen(), d.itemCount(), d.sources(), d.independentSources(), d.evidence(), d.origins(),
                d.taxonomyVersion(), d.lead(), d.timeline(), d.spike());
    }
}
