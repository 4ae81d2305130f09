package org.karaul.alerts.develop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueStore;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.streams.KeyValues;
import org.karaul.streams.MapKeyValues;
import org.karaul.streams.StoreKeyValues;

/**
 * The grouping step itself, apart from Kafka Streams: puts an item into the best-matching open development or opens
 * a new one, counts new stories for spikes, and closes developments that went quiet. {@link DevelopmentProcessor}
 * drives it over its state stores; the backtest drives it over plain maps in item-time order. Both call this one
 * code path, so a backtest groups exactly as the stream does.
 *
 * <p>The open developments are read from their store once, when this is built ({@link OpenDevelopments}), and kept
 * decoded; an item is scored only against those that share a category family and, where both name countries, a
 * country with it ({@link CandidateIndex}), which are all that {@link Matching} could let it join.
 */
public final class Grouping {
    /** Where the open developments and spike counts live: a Kafka Streams store or a sorted map. */
    public interface Store<V> extends KeyValues<V> {
        /** A Kafka Streams key-value store seen as a {@link Store}. */
        static <V> Store<V> of(KeyValueStore<String, V> store) {
            final class InStreams extends StoreKeyValues<V> implements Store<V> {
                InStreams() {
                    super(store);
                }
            }
            return new InStreams();
        }

        /** A sorted map in memory (key order as a persistent store's), for offline runs. */
        static <V> Store<V> inMemory() {
            final class InMemory extends MapKeyValues<V> implements Store<V> {
                InMemory() {
                    super(new TreeMap<>());
                }
            }
            return new InMemory();
        }
    }

    /**
     * Where an item goes, not yet stored: the development's next state and whether the item opened it.
     *
     * @param next   the development with the item
     * @param opened whether the item opened a new development
     * @param item   the item
     */
    public record Placement(DevelopmentState next, boolean opened, ClassifiedItem item) {
        public Development development() {
            return next.development();
        }
    }

    private final GroupingRules rules;
    private final OpenDevelopments open;
    private final Function<Matching.Probe, List<DevelopmentState>> candidates;
    private final SpikeDetector spikes;

    /** Grouping over these stores; reads the open developments in {@code open} once, now. */
    public Grouping(GroupingRules rules, Store<DevelopmentState> open, Store<SpikeState> spikeCounts) {
        this(rules, open, spikeCounts, true);
    }

    private Grouping(GroupingRules rules, Store<DevelopmentState> open, Store<SpikeState> spikeCounts, boolean indexed) {
        this.rules = rules;
        this.open = new OpenDevelopments(open);
        this.candidates = indexed ? this.open::candidates : item -> this.open.all();
        this.spikes = new SpikeDetector(rules, spikeCounts);
    }

    /** Grouping over maps in memory, for offline runs. */
    public static Grouping inMemory(GroupingRules rules) {
        return new Grouping(rules, Store.inMemory(), Store.inMemory());
    }

    /**
     * Grouping over maps in memory that scores every item against every open development, without the index: the
     * reference the indexed grouping must agree with exactly.
     */
    static Grouping scanning(GroupingRules rules) {
        return new Grouping(rules, Store.inMemory(), Store.inMemory(), false);
    }

    /**
     * Where a relevant item goes; null for an item that is not relevant or has no severity. Nothing is stored
     * until {@link #keep}, so a caller can refuse the placement first.
     *
     * @param now the time of the change (wall clock in the stream), kept for closing on the clock
     */
    public Placement place(ClassifiedItem c, Instant now) {
        if (c == null || !c.relevant() || c.severity() == null) {
            return null;
        }
        int[] signature = Fingerprint.signature(Fingerprint.tokens(c.item().title() + " " + c.item().text(),
                rules.equivalents()));
        Matching.Probe probe = Matching.Probe.of(c, signature);
        DevelopmentState best = null;
        double bestScore = Matching.NO;
        for (DevelopmentState candidate : candidates.apply(probe)) {
            double score = Matching.score(candidate, probe, rules);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        DevelopmentState next = best == null ? DevelopmentState.open(c, signature, rules, now)
                : best.join(c, signature, rules, now);
        return new Placement(next, best == null, c);
    }

    /** Stores a placement; returns what to publish, in order: the development, then any spikes it raised. */
    public List<Development> keep(Placement p) {
        List<Development> out = new ArrayList<>();
        out.add(p.development());
        open.put(p.next());
        if (p.opened()) {
            out.addAll(spikes.opened(p.development(), p.item()));
        }
        return out;
    }

    /**
     * Closes the developments that went quiet: no new item for the quiet period, measured against the newest item
     * seen (event time) or against {@code now} (the clock); returns their closing records.
     */
    public List<Development> closeQuiet(Instant now) {
        List<DevelopmentState> all = open.all();
        Instant newest = Instant.EPOCH;
        for (DevelopmentState s : all) {
            newest = Merge.maxTime(newest, s.development().lastSeen());
        }
        List<Development> out = new ArrayList<>();
        for (DevelopmentState s : all) {
            boolean quietInEventTime = s.development().lastSeen().plus(rules.quiet()).isBefore(newest);
            boolean quietOnTheClock = s.touchedAt().plus(rules.quiet()).isBefore(now);
            if (quietInEventTime || quietOnTheClock) {
                out.add(s.closed());
                open.delete(s.development().id());
            }
        }
        return out;
    }

    /** The developments still open, in id order. */
    public List<Development> openDevelopments() {
        return open.all().stream().map(DevelopmentState::development).toList();
    }
}
