package org.karaul.alerts.develop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.karaul.contract.Development;

/**
 * Open developments by category family and country, so that an item is scored only against the developments it can
 * join. {@link Matching#score} refuses a development that shares no category family with the item, or that names
 * countries none of which the item names when the item names some; this index returns exactly the developments
 * left, so grouping through it places every item as a scan of all open developments would.
 */
final class CandidateIndex {
    /** Which developments a key lists. */
    private enum Scope {
        /** every development of the family */
        FAMILY,
        /** those of the family that name no country */
        FAMILY_WITHOUT_COUNTRY,
        /** those of the family that name the country */
        FAMILY_AND_COUNTRY
    }

    private record Key(Scope scope, String family, String country) {
    }

    private final Map<Key, Set<String>> ids = new HashMap<>();

    void add(Development d) {
        for (Key k : keys(d)) {
            ids.computeIfAbsent(k, x -> new HashSet<>()).add(d.id());
        }
    }

    void remove(Development d) {
        for (Key k : keys(d)) {
            Set<String> listed = ids.get(k);
            if (listed != null && listed.remove(d.id()) && listed.isEmpty()) {
                ids.remove(k);
            }
        }
    }

    /** Ids of the developments that can take an item of these category families and countries, in id order. */
    SortedSet<String> candidates(Set<String> families, Set<String> countries) {
        SortedSet<String> out = new TreeSet<>();
        for (String family : families) {
            if (countries.isEmpty()) {
                out.addAll(ids.getOrDefault(new Key(Scope.FAMILY, family, null), Set.of()));
                continue;
            }
            out.addAll(ids.getOrDefault(new Key(Scope.FAMILY_WITHOUT_COUNTRY, family, null), Set.of()));
            for (String country : countries) {
                out.addAll(ids.getOrDefault(new Key(Scope.FAMILY_AND_COUNTRY, family, country), Set.of()));
            }
        }
        return out;
    }

    private static List<Key> keys(Development d) {
        List<Key> out = new ArrayList<>();
        for (String family : Matching.families(d.categories())) {
            out.add(new Key(Scope.FAMILY, family, null));
            if (d.countries().isEmpty()) {
                out.add(new Key(Scope.FAMILY_WITHOUT_COUNTRY, family, null));
            }
            for (String country : d.countries()) {
                out.add(new Key(Scope.FAMILY_AND_COUNTRY, family, country));
            }
        }
        return out;
    }
}
