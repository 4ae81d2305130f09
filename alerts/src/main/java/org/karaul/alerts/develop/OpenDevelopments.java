package org.karaul.alerts.develop;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The open developments decoded in memory, over the store that keeps them (the source of truth, with its changelog):
 * read from the store once when built, and written through to it on every change, so that grouping an item reads no
 * store and decodes nothing. {@link DevelopmentProcessor} builds it (through {@link Grouping}) each time Kafka
 * Streams initialises the task, which it does again after restoring the store. Kept in id order, the store's key
 * order, so that ties between candidates are broken as a scan of the store would break them.
 */
final class OpenDevelopments {
    private final Grouping.Store<DevelopmentState> store;
    private final TreeMap<String, DevelopmentState> byId = new TreeMap<>();
    private final CandidateIndex index = new CandidateIndex();

    OpenDevelopments(Grouping.Store<DevelopmentState> store) {
        this.store = store;
        for (DevelopmentState s : store.values()) {
            remember(s);
        }
    }

    /** Stores the development's new state and indexes it. */
    void put(DevelopmentState s) {
        store.put(s.development().id(), s);
        remember(s);
    }

    /** Removes the development from the store and the index. */
    void delete(String id) {
        store.delete(id);
        DevelopmentState gone = byId.remove(id);
        if (gone != null) {
            index.remove(gone.development());
        }
    }

    /** Every open development, in id order. */
    List<DevelopmentState> all() {
        return new ArrayList<>(byId.values());
    }

    /** The open developments an item can join ({@link CandidateIndex}), in id order. */
    List<DevelopmentState> candidates(Matching.Probe item) {
        List<DevelopmentState> out = new ArrayList<>();
        for (String id : index.candidates(item.families(), item.countries())) {
            out.add(byId.get(id));
        }
        return out;
    }

    private void remember(DevelopmentState s) {
        DevelopmentState before = byId.put(s.development().id(), s);
        if (before != null) {
            index.remove(before.development());
        }
        index.add(s.development());
    }
}
