package org.karaul.processor.gazetteer;

import java.util.List;
import java.util.Set;

/**
 * Groups and places the classifier resolves names against.
 *
 * @param groups          organisations with aliases
 * @param places          places with aliases
 * @param regionCountries countries that put an item in scope by themselves (KZ KG TJ TM UZ AF)
 */
public record Gazetteer(List<Group> groups, List<Place> places, Set<String> regionCountries) {
    public Gazetteer {
        groups = List.copyOf(groups);
        places = List.copyOf(places);
        regionCountries = Set.copyOf(regionCountries);
    }
}
